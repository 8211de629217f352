// Two API nodes in one process, over one database and one Redis: what they share and how fast.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ApiKeysStore } from '../src/resources/api-keys/store.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, testCertificate, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { runCli } from './helpers/cli.js';
import { closedPortRedisUrl, redisUrl, skipWithoutRedis } from './helpers/redis.js';

/** Another node on the same database as `t`, with its own process-local state. */
async function peer(t: TestApp, redis: string): Promise<FastifyInstance> {
  const config = loadConfig({ CLOUDNEXUS_DATA_DIR: t.testDb.dataDir, CLOUDNEXUS_LOG_LEVEL: 'silent', REDIS_URL: redis }, {});
  const app = await buildApp(config, { database: t.testDb.database, tls: await testCertificate(), clock: t.clock.now });
  await app.ready();
  return app;
}

const get = (app: FastifyInstance, key: string, url = '/v2/regions?limit=1') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });

for (const kind of DATABASE_KINDS) {
  describe(`scale-out with Redis (${kind})`, { skip: skipWithoutRedis() }, () => {
    let t: TestApp;
    let b: FastifyInstance;
    before(async () => {
      t = await createTestApp(kind, { env: { REDIS_URL: redisUrl } });
      b = await peer(t, redisUrl as string);
    });
    after(async () => {
      await b.close();
      await t.close();
    });

    test('a free-tier key gets exactly 60 requests a minute across both nodes, then 429 with Retry-After on each', async () => {
      const { key } = await t.newCaller('free');
      for (let i = 1; i <= 60; i++) {
        const response = await get(i % 2 ? t.app : b, key);
        assert.equal(response.statusCode, 200, `request ${i}`);
        assert.equal(response.headers['x-ratelimit-remaining'], String(60 - i));
      }
      for (const node of [t.app, b]) {
        const refused = await get(node, key);
        assertError(refused, 429);
        assert.ok(Number(refused.headers['retry-after']) >= 1);
      }
    });

    test('a key revoked through one node is refused by the other at once, though that node had cached it', async () => {
      const { account, key } = await t.newCaller();
      const cached = await t.issueKey(account.id);
      const revoked = await t.issueKey(account.id);
      for (const secret of [cached.secret, revoked.secret]) assert.equal((await get(b, secret)).statusCode, 200);

      // Revoked behind the nodes' backs (no announcement): the other node's cache still has it.
      await new ApiKeysStore(t.testDb.database.db).revoke(account.id, cached.id, new Date().toISOString());
      assert.equal((await get(b, cached.secret)).statusCode, 200, 'served from the key cache');

      const revoke = await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${revoked.id}` });
      assert.equal(revoke.statusCode, 200);
      const deadline = Date.now() + 1_000;
      let status = 200;
      while (status !== 401 && Date.now() < deadline) {
        status = (await get(b, revoked.secret)).statusCode;
        if (status !== 401) await sleep(10);
      }
      assert.equal(status, 401, 'refused within a second');
    });

    test('a key revoked with the operator CLI is refused at once by a node that had cached it', async () => {
      const { account } = await t.newCaller();
      const issued = await t.issueKey(account.id);
      assert.equal((await get(b, issued.secret)).statusCode, 200);
      const revoked = await runCli(['keys', 'revoke', '--account', account.id, '--key', issued.id, '--database-url', t.testDb.databaseUrl, '--redis-url', redisUrl as string, '--json']);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(revoked.stderr, '');
      const deadline = Date.now() + 1_000;
      while ((await get(b, issued.secret)).statusCode !== 401) {
        assert.ok(Date.now() < deadline, 'refused within a second');
        await sleep(10);
      }
    });
  });
}

describe('the operator CLI when Redis is down', () => {
  test('still revokes, and warns that running nodes may honour it only when their cache expires', async () => {
    const t = await createTestApp('sqlite');
    try {
      const { account } = await t.newCaller();
      const issued = await t.issueKey(account.id);
      const revoked = await runCli(['keys', 'revoke', '--account', account.id, '--key', issued.id, '--database-url', t.testDb.databaseUrl, '--redis-url', await closedPortRedisUrl(), '--json']);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(JSON.parse(revoked.stdout).key.status, 'revoked');
      assert.match(revoked.stderr, /warning: could not announce a key revocation/);
    } finally {
      await t.close();
    }
  });
});

describe('a node whose Redis is down', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite', { env: { REDIS_URL: await closedPortRedisUrl() } });
  });
  after(() => t.close());

  test('keeps serving (rate limits fail open to per-node counters) and counts the errors', async () => {
    const { key } = await t.newCaller('free');
    for (let i = 1; i <= 60; i++) assert.equal((await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' })).statusCode, 200);
    assertError(await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' }), 429);
    const metrics = await t.request(null, { method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /cloudnexus_redis_errors_total\{operation="rate_limit"\} 61/);
  });

  test('is not ready: /readyz is a 503 naming Redis', async () => {
    const response = await t.request(null, { method: 'GET', url: '/readyz' });
    const body = assertError(response, 503);
    assert.deepEqual(body.error.details.map((d) => d.field), ['redis']);
  });
});

// On SQLite the key cache needs no Redis (the file's data_version shows other writers), but
// PostgreSQL nodes learn of revocations only through Redis: without it they must not cache.
describe('a PostgreSQL node whose Redis is down', { skip: DATABASE_KINDS.includes('postgres') ? false : 'needs PostgreSQL' }, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('postgres', { env: { REDIS_URL: await closedPortRedisUrl() } });
  });
  after(() => t.close());

  test('caches no keys, so a revoke behind its back is seen at once', async () => {
    const { account, key } = await t.newCaller();
    const other = await t.issueKey(account.id);
    assert.equal((await t.request(other.secret, { method: 'GET', url: '/v2/regions' })).statusCode, 200);
    await new ApiKeysStore(t.testDb.database.db).revoke(account.id, other.id, new Date().toISOString());
    assertError(await t.request(other.secret, { method: 'GET', url: '/v2/regions' }), 401);
    assert.equal((await t.request(key, { method: 'GET', url: '/v2/regions' })).statusCode, 200);
  });
});
