// The PostgreSQL variant of the list: a fresh schema in the database named by BENCH_DATABASE_URL
// (or TEST_DATABASE_URL), created before the run and dropped after it, so nothing is left behind.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './config.mjs';
import { SEED_COLUMNS, seedRow } from './seed.mjs';

const pg = createRequire(path.join(REPO_ROOT, 'package.json'))('pg');

/**
 * A new schema, or null (with the reason) when no database is configured or it cannot be reached.
 * `url` carries `options=-c search_path=<schema>`, so the server's tables land in the schema.
 */
export async function freshSchema() {
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!base) return { skipped: 'neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set' };
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    return { skipped: `${base.replace(/\/\/[^@]*@/, '//***@')} is unreachable (${error.message})` };
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    /** Inserts `count` instances for the account (only a page or so: depth is measured on SQLite). */
    async seed(accountId, count) {
      const rows = Array.from({ length: count }, (_, i) => seedRow(accountId, i));
      const placeholders = rows.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')})`);
      await client.query(`INSERT INTO ${schema}.instances (${SEED_COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}`, rows.flat());
    },
    async drop() {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
