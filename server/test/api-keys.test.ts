import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { hashKey } from '../src/resources/api-keys/key-format.js';

for (const kind of DATABASE_KINDS) {
  describe(`/v2/api_keys (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    before(async () => ({ t, key, accountId } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    const create = (as: string, payload: object) => t.request(as, { method: 'POST', url: '/v2/api_keys', payload });

    test('create answers 201 with the secret once, a Location, and a working key', async () => {
      const response = await create(key, { name: 'ci', scopes: ['regions:read'], regions: ['eu-west-1'] });
      assert.equal(response.statusCode, 201);
      const { key: created, secret } = response.json();
      assert.match(secret, /^cnx_live_[0-9A-Za-z]{22}_[0-9A-Za-z]{6}$/);
      assert.match(created.id, /^key_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, `/v2/api_keys/${created.id}`);
      assert.equal(created.display, `${secret.slice(0, 13)}…${secret.slice(-4)}`);
      assert.deepEqual([created.status, created.scopes, created.regions], ['active', ['regions:read'], ['eu-west-1']]);
      const fetched = await t.request(key, { method: 'GET', url: `/v2/api_keys/${created.id}` });
      assert.deepEqual(fetched.json(), created);
      assert.doesNotMatch(fetched.body, new RegExp(secret), 'the secret is never shown again');
      assert.equal((await t.request(secret, { method: 'GET', url: '/v2/regions' })).statusCode, 200);
    });

    test('only a hash of the secret is stored', async () => {
      const { secret } = (await create(key, { name: 'stored' })).json();
      const rows = await t.testDb.database.db.selectFrom('api_keys').selectAll().execute();
      const text = JSON.stringify(rows);
      assert.doesNotMatch(text, new RegExp(secret));
      assert.ok(rows.some((row) => row.key_hash === hashKey(secret)));
    });

    test('a key cannot grant scopes or regions it lacks', async () => {
      const limited = (await create(key, { name: 'limited', scopes: ['api_keys:write'], regions: ['eu-west-1'] })).json().secret;
      const broader = assertError(await create(limited, { name: 'x', scopes: ['*'], regions: ['eu-west-1'] }), 403);
      assert.deepEqual(fields(broader), ['scopes[0]']);
      const otherRegion = assertError(await create(limited, { name: 'x', scopes: ['api_keys:read'], regions: ['us-east-1'] }), 403);
      assert.deepEqual(fields(otherRegion), ['regions[0]']);
      const everywhere = assertError(await create(limited, { name: 'x', scopes: ['api_keys:read'], regions: null }), 403);
      assert.deepEqual(fields(everywhere), ['regions']);
      const narrower = await create(limited, { name: 'narrower', scopes: ['api_keys:read'] });
      assert.equal(narrower.statusCode, 201);
      assert.deepEqual(narrower.json().key.regions, ['eu-west-1'], 'the allowlist is inherited');
    });

    test('expiry must be a future time', async () => {
      const past = assertError(await create(key, { name: 'x', expires_at: '2020-01-01T00:00:00Z' }), 422);
      assert.deepEqual(fields(past), ['expires_at']);
      assertError(await create(key, { name: 'x', expires_at: 'tomorrow' }), 400);
    });

    test('revoke: the key stops working, a second revoke is 409', async () => {
      const { key: created, secret } = (await create(key, { name: 'to-revoke' })).json();
      const revoked = await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${created.id}` });
      assert.equal(revoked.statusCode, 200);
      assert.equal(revoked.json().status, 'revoked');
      assert.match(revoked.json().revoked_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assertError(await t.request(secret, { method: 'GET', url: '/v2/regions' }), 401);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${created.id}` }), 409);
    });

    test("another account's keys are 404 on every route and never listed", async () => {
      const other = await t.newCaller();
      const { key: theirs } = (await create(other.key, { name: 'theirs' })).json();
      assertError(await t.request(key, { method: 'GET', url: `/v2/api_keys/${theirs.id}` }), 404);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/api_keys/${theirs.id}` }), 404);
      const mine = (await t.request(key, { method: 'GET', url: '/v2/api_keys?limit=100' })).json().data as { id: string }[];
      assert.ok(!mine.some((k) => k.id === theirs.id));
      assert.ok(mine.length > 0);
      assert.equal((await t.request(other.key, { method: 'GET', url: `/v2/api_keys/${theirs.id}` })).statusCode, 200);
      assert.ok(accountId !== other.account.id);
    });
  });
}
