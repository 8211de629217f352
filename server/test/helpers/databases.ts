// The databases every server suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { isRequired } from './required.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  database: Database;
  /** The data dir (SQLite's file lives in it). */
  dataDir: string;
  /** What DATABASE_URL would say to reach the same database from another process. */
  databaseUrl: string;
  cleanup(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (isRequired('postgres') && !postgresUrl) {
  throw new Error('CLOUDNEXUS_TEST_REQUIRE names postgres but TEST_DATABASE_URL is not set');
}
if (!postgresUrl) {
  process.stderr.write('\n*** TEST_DATABASE_URL is not set: PostgreSQL suites are SKIPPED (SQLite only) ***\n\n');
}

export const DATABASE_KINDS: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fresh, migrated database: a new SQLite file, or a new schema in the PostgreSQL test database. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-test-'));
  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'cloudnexus.db');
    const database = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(database);
    return {
      database,
      dataDir,
      databaseUrl: file,
      cleanup: async () => {
        await database.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const database = openDatabase({ kind: 'postgres', url: postgresUrl as string }, { searchPath: schema });
  await migrateToLatest(database);
  const url = new URL(postgresUrl as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    database,
    dataDir,
    databaseUrl: url.toString(),
    cleanup: async () => {
      await database.close();
      await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
