// The dashboard's pages call /v2 with their session: the cookie counts only with the session's CSRF
// token (and, on mutations, our own Origin), it acts as the account owner, and a request that
// names an API key is judged by that key alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createUser, HOST, signIn, v2SessionRequest, type Signed } from './helpers/dashboard.js';

for (const kind of DATABASE_KINDS) {
  describe(`/v2 with a dashboard session (${kind})`, () => {
    let t: TestApp;
    let accountId: string;
    let signed: Signed;
    let userId: string;
    before(async () => {
      ({ t, accountId } = await createTestAppWithCaller(kind));
      userId = (await createUser(t, accountId, 'owner@example.com')).id;
      signed = await signIn(t, 'owner@example.com');
    });
    after(() => t.close());

    const vpc = (n: number) => ({ name: `vpc-${n}`, region: 'eu-west-1', ip_range: `10.${50 + n}.0.0/16` });

    test('cookie + CSRF token read and write as the owner; the change is the dashboard user\'s', async () => {
      const created = await v2SessionRequest(t, signed, { method: 'POST', url: '/v2/vpcs', payload: vpc(1) });
      assert.equal(created.statusCode, 201, created.body);
      assert.ok(created.headers['x-ratelimit-remaining'], 'the session spends from the account budget');
      const id = created.json().id as string;
      const listed = await v2SessionRequest(t, signed, { method: 'GET', url: '/v2/vpcs' });
      assert.equal(listed.statusCode, 200);
      assert.ok(listed.json().data.some((v: { id: string }) => v.id === id));
      const events = await v2SessionRequest(t, signed, { method: 'GET', url: `/v2/events?resource_id=${id}` });
      assert.deepEqual(events.json().data[0].actor, { type: 'dashboard_user', id: userId });
    });

    test('validation errors reach the page as the API sends them, with their fields', async () => {
      const body = assertError(await v2SessionRequest(t, signed, { method: 'POST', url: '/v2/vpcs', payload: { region: 'eu-west-1' } }), 400);
      assert.ok(fields(body).includes('name'));
    });

    test('a cookie alone, a wrong CSRF token, or a mutation from another Origin is a 401', async () => {
      assertError(await t.app.inject({ method: 'GET', url: '/v2/vpcs', headers: { host: HOST, cookie: signed.cookie } }), 401, 'unauthorized');
      assertError(await v2SessionRequest(t, signed, { method: 'GET', url: '/v2/vpcs', headers: { 'x-csrf-token': 'x'.repeat(43) } }), 401, 'unauthorized');
      assertError(await v2SessionRequest(t, signed, { method: 'POST', url: '/v2/vpcs', payload: vpc(2), headers: { origin: 'https://evil.example' } }), 401, 'unauthorized');
      const noOrigin = await t.app.inject({ method: 'POST', url: '/v2/vpcs', payload: vpc(3), headers: { host: HOST, cookie: signed.cookie, 'x-csrf-token': signed.csrf } });
      assertError(noOrigin, 401, 'unauthorized');
    });

    test('an Authorization header is judged alone: a bad key beside a good session is a 401', async () => {
      assertError(await v2SessionRequest(t, signed, { method: 'GET', url: '/v2/vpcs', headers: { authorization: 'Bearer junk' } }), 401, 'unauthorized');
    });

    test('an ended session is no credential', async () => {
      const other = await signIn(t, 'owner@example.com');
      assert.equal((await v2SessionRequest(t, other, { method: 'DELETE', url: '/dashboard/api/session' })).statusCode, 204);
      assertError(await v2SessionRequest(t, other, { method: 'GET', url: '/v2/vpcs' }), 401, 'unauthorized');
    });
  });
}
