// SQLite group commit (db/group-commit.ts): writes that arrive together share one commit, and each
// writer is answered only once its write is committed, or hears that it was not.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { SqliteDatabase } from '../src/db/sqlite-binding.js';
import { openDatabase, type Database } from '../src/db/database.js';

interface Scratch {
  parents: { id: number };
  children: { id: number; parent_id: number };
}

describe('SQLite group commit', () => {
  let dir: string;
  let database: Database;
  let db: Kysely<Scratch>;
  /** Another connection to the file: it sees only what is committed. */
  let other: InstanceType<typeof SqliteDatabase>;
  const committed = (table: 'parents' | 'children') => (other.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[]);

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-group-commit-'));
    database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.db') });
    db = database.db as unknown as Kysely<Scratch>;
    await sql`CREATE TABLE parents (id integer primary key)`.execute(db);
    // Deferred: a missing parent fails the COMMIT, which is how a test makes a batch's commit fail.
    await sql`CREATE TABLE children (id integer primary key, parent_id integer not null references parents (id) deferrable initially deferred)`.execute(db);
    other = new SqliteDatabase(path.join(dir, 'test.db'));
  });
  after(async () => {
    other.close();
    await database.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('concurrent transactions and single writes: each is committed when its writer is answered', async () => {
    const writes = [
      ...[1, 2, 3].map((id) => db.transaction().execute((trx) => trx.insertInto('parents').values({ id }).execute())),
      db.insertInto('parents').values({ id: 4 }).execute(),
    ];
    const seen = await Promise.all(writes.map((write) => write.then(() => committed('parents'))));
    for (const [i, ids] of seen.entries()) assert.ok(ids.includes(i + 1), `write ${i + 1} answered before it was committed: ${ids}`);
    assert.deepEqual(committed('parents'), [1, 2, 3, 4]);
  });

  test('a transaction rolled back in a batch takes none of the others with it', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('parents').values({ id: 10 }).execute();
      throw new Error('changed my mind');
    });
    const fine = db.transaction().execute((trx) => trx.insertInto('parents').values({ id: 11 }).execute());
    await assert.rejects(failing, /changed my mind/);
    await fine;
    assert.deepEqual(committed('parents').filter((id) => id >= 10), [11]);
  });

  test('when the batch commit fails, every writer in it hears so and nothing of it remains', async () => {
    const orphan = db.transaction().execute((trx) => trx.insertInto('children').values({ id: 1, parent_id: 999 }).execute());
    const bystander = db.transaction().execute((trx) => trx.insertInto('parents').values({ id: 20 }).execute());
    const results = await Promise.allSettled([orphan, bystander]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.deepEqual(committed('children'), []);
    assert.ok(!committed('parents').includes(20));
    // The connection is usable again afterwards.
    await db.insertInto('parents').values({ id: 21 }).execute();
    assert.ok(committed('parents').includes(21));
  });
});
