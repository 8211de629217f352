// Settings → API Keys through the dashboard's endpoints, and rotation with its grace periods (also
// through POST /v2/api_keys/{id}/rotate): the same service rules behind both.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createUser, dashboardRequest, signIn, v2SessionRequest, type Signed } from './helpers/dashboard.js';
import { GRACE_PERIODS } from '../src/resources/api-keys/rotation.js';

const works = async (t: TestApp, secret: string) => (await t.request(secret, { method: 'GET', url: '/v2/regions?limit=1' })).statusCode;

for (const kind of DATABASE_KINDS) {
  describe(`dashboard API keys and rotation (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    let signed: Signed;
    before(async () => {
      ({ t, key, accountId } = await createTestAppWithCaller(kind));
      await createUser(t, accountId, 'owner@example.com');
      signed = await signIn(t, 'owner@example.com');
    });
    after(() => t.close());

    const dash = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      dashboardRequest(t, signed, { method, url: `/dashboard/api${url}`, ...(payload ? { payload } : {}) });
    const create = async (payload: object) => {
      const response = await dash('POST', '/api_keys', payload);
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { key: { id: string; [k: string]: unknown }; secret: string };
    };
    /** Moves time on; the session would have idled out, so sign in again. */
    const later = async (ms: number) => {
      t.clock.advance(ms);
      signed = await signIn(t, 'owner@example.com');
    };
    const rotate = (id: string, grace_period: string) => dash('POST', `/api_keys/${id}/rotate`, { grace_period });

    test('create shows the secret once; the list shows prefix…last4, scopes, regions, times and status, never the secret', async () => {
      const expires = new Date(t.clock.ms + 86_400_000 * 30).toISOString();
      const { key: created, secret } = await create({ name: 'ci', scopes: ['regions:read', 'instances:write'], regions: ['eu-west-1'], expires_at: expires });
      assert.match(secret, /^cnx_live_/);
      assert.equal(created.display, `${secret.slice(0, 13)}…${secret.slice(-4)}`);
      assert.equal(created.last_used_at, null);
      t.clock.advance(1000);
      assert.equal(await works(t, secret), 200);
      const list = await dash('GET', '/api_keys');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, new RegExp(secret));
      const listed = list.json().data.find((k: { id: string }) => k.id === created.id);
      assert.deepEqual(
        [listed.name, listed.scopes, listed.regions, listed.status, listed.expires_at, listed.last_used_at],
        ['ci', ['regions:read', 'instances:write'], ['eu-west-1'], 'active', expires.replace(/\.\d{3}Z$/, 'Z'), new Date(t.clock.ms).toISOString().replace(/\.\d{3}Z$/, 'Z')],
      );
    });

    test('last_used_at is written at most once a minute per key', async () => {
      const { key: created, secret } = await create({ name: 'busy' });
      const lastUsed = async () => (await dash('GET', '/api_keys')).json().data.find((k: { id: string }) => k.id === created.id).last_used_at;
      assert.equal(await works(t, secret), 200);
      const first = await lastUsed();
      assert.notEqual(first, null);
      t.clock.advance(30_000);
      assert.equal(await works(t, secret), 200);
      assert.equal(await lastUsed(), first, 'half a minute later: not written again');
      t.clock.advance(31_000);
      assert.equal(await works(t, secret), 200);
      assert.notEqual(await lastUsed(), first);
    });

    test('bad input is a 400 or 422 from the same rules as /v2, and writes nothing', async () => {
      assertError(await dash('POST', '/api_keys', { name: 'x', scopes: ['nope:read'] }), 422);
      assertError(await dash('POST', '/api_keys', { name: 'x', regions: ['mars-1'] }), 422);
      assertError(await dash('POST', '/api_keys', { scopes: ['*'] }), 400);
      assertError(await rotate('key_0000000000000000', 'forever'), 400);
      const names = (await dash('GET', '/api_keys')).json().data.map((k: { name: string }) => k.name);
      assert.ok(!names.includes('x'));
    });

    test('rotate with grace "none": a new secret with the same settings; the old one gets 401 at once', async () => {
      const { key: old, secret } = await create({ name: 'deploy', scopes: ['regions:read'], regions: ['us-east-1'] });
      const response = await rotate(old.id, 'none');
      assert.equal(response.statusCode, 201);
      const { key: fresh, secret: newSecret } = response.json();
      assert.notEqual(fresh.id, old.id);
      assert.deepEqual([fresh.name, fresh.scopes, fresh.regions, fresh.expires_at, fresh.status], ['deploy', ['regions:read'], ['us-east-1'], null, 'active']);
      assert.equal(await works(t, secret), 401);
      assert.equal(await works(t, newSecret), 200);
      const listed = (await dash('GET', '/api_keys')).json().data.find((k: { id: string }) => k.id === old.id);
      assert.deepEqual([listed.status, listed.replaced_by], ['revoked', fresh.id]);
    });

    for (const [grace, ms] of Object.entries(GRACE_PERIODS).filter(([g]) => g !== 'none')) {
      test(`rotate with grace "${grace}": the old secret works until the grace period ends, then 401`, async () => {
        const { key: old, secret } = await create({ name: `grace-${grace}` });
        const { secret: newSecret } = (await rotate(old.id, grace)).json();
        await later(ms - 1000);
        assert.equal(await works(t, secret), 200);
        assert.equal(await works(t, newSecret), 200);
        await later(1000);
        assert.equal(await works(t, secret), 401);
        assert.equal(await works(t, newSecret), 200);
        const listed = (await dash('GET', '/api_keys')).json().data.find((k: { id: string }) => k.id === old.id);
        assert.equal(listed.status, 'expired');
      });
    }

    test('a grace period never outlives the old key\'s own expiry', async () => {
      const expires = new Date(t.clock.ms + 30 * 60_000).toISOString();
      const { key: old, secret } = await create({ name: 'short', expires_at: expires });
      const { key: fresh } = (await rotate(old.id, '24h')).json();
      assert.equal(fresh.expires_at, expires.replace(/\.\d{3}Z$/, 'Z'), 'the new key keeps the expiry too');
      await later(30 * 60_000);
      assert.equal(await works(t, secret), 401);
    });

    test('a key rotates once; revoked, rotated, unknown and other accounts\' keys cannot be rotated', async () => {
      const { key: old } = await create({ name: 'once' });
      assert.equal((await rotate(old.id, '1h')).statusCode, 201);
      assertError(await rotate(old.id, '1h'), 409);
      const { key: revoked } = await create({ name: 'revoked' });
      assert.equal((await dash('DELETE', `/api_keys/${revoked.id}`)).statusCode, 200);
      assertError(await rotate(revoked.id, 'none'), 409);
      assertError(await rotate('key_0000000000000000', 'none'), 404);
      const other = await t.newCaller();
      const theirs = (await t.request(other.key, { method: 'POST', url: '/v2/api_keys', payload: { name: 'theirs' } })).json().key.id;
      assertError(await rotate(theirs, 'none'), 404);
      assertError(await dash('DELETE', `/api_keys/${theirs}`), 404);
    });

    test('concurrent rotations of one key: exactly one wins', async () => {
      const { key: old } = await create({ name: 'race' });
      const answers = await Promise.all([rotate(old.id, '1h'), rotate(old.id, '1h'), rotate(old.id, '1h')]);
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409]);
    });

    test('revoke asks nothing of the server but the id: the key gets 401 at once', async () => {
      const { key: created, secret } = await create({ name: 'bye' });
      const revoked = await dash('DELETE', `/api_keys/${created.id}`);
      assert.equal(revoked.json().status, 'revoked');
      assert.equal(await works(t, secret), 401);
      assertError(await dash('DELETE', `/api_keys/${created.id}`), 409);
    });

    test('POST /v2/api_keys/{id}/rotate: 201 with Location, secret once, replayed by Idempotency-Key with secret null', async () => {
      const { key: old, secret } = await create({ name: 'v2-rotate' });
      const headers = { 'idempotency-key': 'rotate-1' };
      const first = await t.request(key, { method: 'POST', url: `/v2/api_keys/${old.id}/rotate`, payload: { grace_period: 'none' }, headers });
      assert.equal(first.statusCode, 201);
      const body = first.json();
      assert.equal(first.headers.location, `/v2/api_keys/${body.key.id}`);
      assert.equal(await works(t, body.secret), 200);
      assert.equal(await works(t, secret), 401);
      const replay = await t.request(key, { method: 'POST', url: `/v2/api_keys/${old.id}/rotate`, payload: { grace_period: 'none' }, headers });
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replay.json(), { key: body.key, secret: null });
      assertError(await t.request(key, { method: 'POST', url: `/v2/api_keys/${old.id}/rotate`, payload: { grace_period: '2h' } }), 400);
    });

    test('through /v2, a key can only rotate keys it could have created', async () => {
      const { key: broad } = await create({ name: 'broad', scopes: ['*'] });
      const narrow = await t.createKey(accountId, { scopes: ['api_keys:write', 'regions:read'] });
      const refused = assertError(await t.request(narrow, { method: 'POST', url: `/v2/api_keys/${broad.id}/rotate`, payload: { grace_period: 'none' } }), 403);
      assert.deepEqual(refused.error.details.map((d) => d.field), ['scopes[0]']);
      const { key: small } = await create({ name: 'small', scopes: ['regions:read'] });
      assert.equal((await t.request(narrow, { method: 'POST', url: `/v2/api_keys/${small.id}/rotate`, payload: { grace_period: '1h' } })).statusCode, 201);
    });

    test("the resource pages read /v2 with the session and see what the account's key sees", async () => {
      const vpc = await t.request(key, { method: 'POST', url: '/v2/vpcs', payload: { name: 'main', region: 'eu-west-1', ip_range: '10.30.0.0/16' } });
      assert.equal(vpc.statusCode, 201, vpc.body);
      for (const resource of ['instances', 'networks', 'volumes', 'vpcs']) {
        const mine = await v2SessionRequest(t, signed, { method: 'GET', url: `/v2/${resource}?limit=100` });
        assert.equal(mine.statusCode, 200);
        const viaKey = await t.request(key, { method: 'GET', url: `/v2/${resource}?limit=100` });
        assert.deepEqual(mine.json().data, viaKey.json().data, resource);
      }
      assertError(await v2SessionRequest(t, signed, { method: 'GET', url: '/v2/instances?cursor=tampered' }), 400);
      assertError(await dash('GET', '/instances'), 404, 'route_not_found');
    });
  });
}
