// The single-node key cache on SQLite: lookups are served from memory, and any commit by another
// connection to the file (the operator CLI, another process) voids them at once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SqliteDatabase } from '../src/db/sqlite-binding.js';
import { openDatabase } from '../src/db/database.js';
import { ApiKeysStore } from '../src/resources/api-keys/store.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { runCli } from './helpers/cli.js';
import { DATABASE_KINDS } from './helpers/databases.js';

const regions = { method: 'GET', url: '/v2/regions?limit=1' } as const;

describe('API key cache on SQLite', () => {
  let t: TestApp;
  let file: string;
  before(async () => {
    t = await createTestApp('sqlite');
    file = path.join(t.testDb.dataDir, 'cloudnexus.db');
  });
  after(() => t.close());

  test('serves a key it has seen without the database: a change made on its own connection behind the service goes unseen', async () => {
    const { account } = await t.newCaller();
    const issued = await t.issueKey(account.id);
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    // Only the service's own revoke path evicts; a bare store write on the same connection proves
    // the answer below came from the cache and not from a query.
    await new ApiKeysStore(t.testDb.database.db).revoke(account.id, issued.id, new Date().toISOString());
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
  });

  test('a revoke through the API is refused on the very next request', async () => {
    const { account, key } = await t.newCaller();
    const issued = await t.issueKey(account.id);
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${issued.id}` })).statusCode, 200);
    assertError(await t.request(issued.secret, regions), 401);
  });

  test('a commit by another connection to the file voids every cached key', async () => {
    const { account } = await t.newCaller();
    const issued = await t.issueKey(account.id);
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    const other = new SqliteDatabase(file);
    try {
      other.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), issued.id);
    } finally {
      other.close();
    }
    assertError(await t.request(issued.secret, regions), 401);
  });

  test('a key revoked with the operator CLI is refused at once', async () => {
    const { account } = await t.newCaller();
    const issued = await t.issueKey(account.id);
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    const revoked = await runCli(['keys', 'revoke', '--account', account.id, '--key', issued.id, '--database-url', t.testDb.databaseUrl, '--json']);
    assert.equal(revoked.code, 0, revoked.stderr);
    assertError(await t.request(issued.secret, regions), 401);
  });

  test('a cached key stops working the moment it expires', async () => {
    const { account } = await t.newCaller();
    const expiresAt = new Date(t.clock.ms + 60_000).toISOString();
    const issued = await t.issueKey(account.id, { expiresAt });
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    t.clock.advance(60_000);
    assertError(await t.request(issued.secret, regions), 401);
  });
});

// Without Redis, a PostgreSQL node caches keys against the database's write stamp (the WAL
// position), which any commit from any node moves: safe on many nodes, live without Redis.
describe('API key cache on PostgreSQL without Redis', { skip: DATABASE_KINDS.includes('postgres') ? false : 'needs PostgreSQL' }, () => {
  let t: TestApp;
  let lookups = 0;
  const findByHash = ApiKeysStore.prototype.findByHash;
  before(async () => {
    t = await createTestApp('postgres');
    ApiKeysStore.prototype.findByHash = function (this: ApiKeysStore, hash: string) {
      lookups++;
      return findByHash.call(this, hash);
    };
  });
  after(async () => {
    ApiKeysStore.prototype.findByHash = findByHash;
    await t.close();
  });

  test('repeated requests skip the key lookup while nothing changed', async () => {
    const { key } = await t.newCaller();
    // The first use writes last_used_at, which moves the stamp: the second request looks up again.
    for (let i = 0; i < 2; i++) assert.equal((await t.request(key, regions)).statusCode, 200);
    const before = lookups;
    for (let i = 0; i < 5; i++) assert.equal((await t.request(key, regions)).statusCode, 200);
    // At most one lookup, in case PostgreSQL itself logged something (a checkpoint, autovacuum).
    assert.ok(lookups - before <= 1, `${lookups - before} lookups for 5 requests`);
  });

  test('a revoke by another connection (another node, the CLI) is refused on the very next request', async () => {
    const { account } = await t.newCaller();
    const issued = await t.issueKey(account.id);
    assert.equal((await t.request(issued.secret, regions)).statusCode, 200);
    const other = openDatabase({ kind: 'postgres', url: t.testDb.databaseUrl });
    try {
      await new ApiKeysStore(other.db).revoke(account.id, issued.id, new Date().toISOString());
    } finally {
      await other.close();
    }
    assertError(await t.request(issued.secret, regions), 401);
  });
});
