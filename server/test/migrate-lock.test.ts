// Several nodes starting at once on one PostgreSQL schema: each migration is applied exactly once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const url = process.env.TEST_DATABASE_URL;

describe('migrations from several nodes at once (postgres)', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, () => {
  test('three nodes migrate a fresh schema together: every migration applied once, all end up current', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const nodes = [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: url as string }, { searchPath: schema, poolMax: 2 }));
    try {
      const applied = await Promise.all(nodes.map((node) => migrateToLatest(node)));
      const all = applied.flat();
      assert.ok(all.length > 0);
      assert.equal(new Set(all).size, all.length, 'no migration applied twice');
      const recorded = await admin.query(`SELECT name FROM ${schema}.kysely_migration ORDER BY name`);
      assert.deepEqual(recorded.rows.map((r) => r.name), [...all].sort());
      assert.deepEqual(await migrateToLatest(nodes[0]!), [], 'nothing left to do');
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  test('statement_timeout from the configuration cancels a statement that runs too long', async () => {
    const database = openDatabase({ kind: 'postgres', url: url as string }, { statementTimeoutMs: 200 });
    try {
      await assert.rejects(sql`SELECT pg_sleep(2)`.execute(database.db), /statement timeout/);
    } finally {
      await database.close();
    }
  });
});
