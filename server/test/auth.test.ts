import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { generateKey } from '../src/resources/api-keys/key-format.js';

for (const kind of DATABASE_KINDS) {
  describe(`authentication and authorization (${kind})`, () => {
    let t: TestApp;
    let accountId: string;
    let goodKey: string;
    before(async () => ({ t, key: goodKey, accountId } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/v2/regions', headers });

    test('a valid key gets through', async () => {
      const response = await get({ authorization: `Bearer ${goodKey}` });
      assert.equal(response.statusCode, 200);
    });

    const unauthorized: [string, () => Record<string, string>][] = [
      ['no Authorization header', () => ({})],
      ['an empty header', () => ({ authorization: '' })],
      ['another scheme', () => ({ authorization: `Basic ${goodKey}` })],
      ['Bearer without a token', () => ({ authorization: 'Bearer ' })],
      ['a token with spaces', () => ({ authorization: `Bearer ${goodKey} extra` })],
      ['a bad checksum', () => ({ authorization: `Bearer ${goodKey.slice(0, -1)}${goodKey.endsWith('A') ? 'B' : 'A'}` })],
      ['a key of the wrong shape', () => ({ authorization: 'Bearer cnx_live_short_abcdef' })],
      // Right shape and checksum, never stored.
      ['a well-formed key nobody issued', () => ({ authorization: `Bearer ${generateKey().secret}` })],
    ];
    for (const [name, headers] of unauthorized) {
      test(`401 for ${name}`, async () => {
        const body = assertError(await get(headers()), 401);
        assert.equal(body.error.message, 'Missing or invalid API key');
      });
    }

    test('a revoked key is 401 with the same envelope', async () => {
      const { secret: key, id } = await t.issueKey(accountId);
      assert.equal((await get({ authorization: `Bearer ${key}` })).statusCode, 200);
      assert.equal((await t.request(goodKey, { method: 'DELETE', url: `/v2/api_keys/${id}` })).statusCode, 200);
      const body = assertError(await get({ authorization: `Bearer ${key}` }), 401);
      assert.equal(body.error.message, 'Missing or invalid API key');
    });

    test('an expired key is 401 with the same envelope', async () => {
      const key = await t.createKey(accountId, { expiresAt: new Date(t.clock.ms + 60_000).toISOString() });
      assert.equal((await get({ authorization: `Bearer ${key}` })).statusCode, 200);
      t.clock.advance(61_000);
      const body = assertError(await get({ authorization: `Bearer ${key}` }), 401);
      assert.equal(body.error.message, 'Missing or invalid API key');
    });

    test('a key without the scope is 403', async () => {
      const key = await t.createKey(accountId, { scopes: ['plans:read'] });
      assert.equal((await get({ authorization: `Bearer ${key}` })).statusCode, 403);
      assertError(await get({ authorization: `Bearer ${key}` }), 403);
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/plans' })).statusCode, 200);
    });

    test('write implies read on the same resource, and only there', async () => {
      const key = await t.createKey(accountId, { scopes: ['api_keys:write'] });
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/api_keys' })).statusCode, 200);
      assertError(await t.request(key, { method: 'GET', url: '/v2/images' }), 403);
    });

    test('a key limited to regions is 403 elsewhere', async () => {
      const key = await t.createKey(accountId, { regions: ['eu-central-1'] });
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/regions/eu-central-1' })).statusCode, 200);
      assertError(await t.request(key, { method: 'GET', url: '/v2/regions/us-east-1' }), 403, 'region_forbidden');
    });

    test('refused keys are turned away before any database query', async () => {
      // With the database closed, a lookup would fail with a 500; a 401 proves none was made.
      const isolated = await createTestApp(kind);
      const { key } = await isolated.newCaller();
      await isolated.app.worker.stop();
      await isolated.app.periodic.stop();
      await isolated.testDb.database.close();
      const badChecksum = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
      const response = await isolated.app.inject({ method: 'GET', url: '/v2/regions', headers: { authorization: `Bearer ${badChecksum}` } });
      assertError(response, 401);
      await isolated.app.close();
      await isolated.testDb.cleanup().catch(() => undefined);
    });
  });
}

