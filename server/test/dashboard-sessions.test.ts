// Dashboard sign-in and sessions: cookie flags, CSRF and Origin checks, idle and absolute expiry,
// sign-out, lockout after repeated failures, and that sessions and API keys never stand in for each other.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createUser, dashboardRequest, HOST, ORIGIN, PASSWORD, signIn, signInRequest } from './helpers/dashboard.js';
import { FAILURE_WINDOW_MS, LOCKOUT_MS, MAX_FAILURES } from '../src/resources/dashboard-users/service.js';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../src/dashboard/session-routes.js';

const MINUTE = 60_000;

for (const kind of DATABASE_KINDS) {
  describe(`dashboard sessions (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    let n = 0;
    /** A fresh user per test, so lockouts and sessions do not leak between tests. */
    const newUser = async () => (await createUser(t, accountId, `owner${++n}@example.com`)).email;
    before(async () => ({ t, key, accountId } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    test('sign-in sets a __Host- cookie that is Secure, HttpOnly and SameSite=Strict; only its hash is stored', async () => {
      const email = await newUser();
      const response = await signInRequest(t, email.toUpperCase(), PASSWORD);
      assert.equal(response.statusCode, 201);
      const cookie = String(response.headers['set-cookie']);
      assert.match(cookie, /^__Host-cnx_session=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Strict; Max-Age=43200$/);
      const body = response.json();
      assert.equal(body.user.email, email);
      assert.equal(body.user.account_id, accountId);
      assert.match(body.csrf_token, /^[A-Za-z0-9_-]{43}$/);
      const token = (/=([^;]+)/.exec(cookie) as RegExpExecArray)[1] as string;
      const rows = await t.testDb.database.db.selectFrom('dashboard_sessions').selectAll().execute();
      assert.doesNotMatch(JSON.stringify(rows), new RegExp(token));
      assert.ok(rows.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex')));
      const me = await dashboardRequest(t, { cookie: cookie.split(';')[0] as string, csrf: body.csrf_token }, { method: 'GET', url: '/dashboard/api/session' });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().csrf_token, body.csrf_token);
      assert.equal(me.headers['cache-control'], 'no-store');
    });

    test('a wrong password and an unknown email get the same 401', async () => {
      const email = await newUser();
      const wrong = assertError(await signInRequest(t, email, 'not the password'), 401);
      const unknown = assertError(await signInRequest(t, 'nobody@example.com', PASSWORD), 401);
      assert.equal(wrong.error.message, unknown.error.message);
      assert.equal((await signInRequest(t, email, PASSWORD)).statusCode, 201, 'one failure does not lock');
    });

    test('sign-in from another origin, or with no Origin, is refused (login CSRF)', async () => {
      const email = await newUser();
      assertError(await signInRequest(t, email, PASSWORD, { origin: 'https://evil.example' }), 403);
      assertError(await signInRequest(t, email, PASSWORD, {}), 403);
      assertError(await signInRequest(t, email, PASSWORD, { origin: `http://${HOST}` }), 403);
    });

    test('every mutation needs the session\'s CSRF token and our Origin; reads do not', async () => {
      const signed = await signIn(t, await newUser());
      const other = await signIn(t, await newUser());
      const create = (headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/dashboard/api/api_keys', headers: { host: HOST, cookie: signed.cookie, ...headers }, payload: { name: 'csrf' } });
      assertError(await create({ origin: ORIGIN }), 403, 'cross_site_refused');
      assertError(await create({ origin: ORIGIN, 'x-csrf-token': 'forged' }), 403);
      assertError(await create({ origin: ORIGIN, 'x-csrf-token': other.csrf }), 403);
      assertError(await create({ origin: 'https://evil.example', 'x-csrf-token': signed.csrf }), 403);
      assertError(await create({ 'x-csrf-token': signed.csrf }), 403);
      const keysBefore = await t.testDb.database.db.selectFrom('api_keys').select('id').where('name', '=', 'csrf').execute();
      assert.equal(keysBefore.length, 0, 'nothing was created by a refused request');
      assert.equal((await create({ origin: ORIGIN, 'x-csrf-token': signed.csrf })).statusCode, 201);
      const read = await t.app.inject({ method: 'GET', url: '/dashboard/api/api_keys', headers: { host: HOST, cookie: signed.cookie } });
      assert.equal(read.statusCode, 200);
    });

    test('an idle session ends; activity keeps it alive until its absolute end', async () => {
      const signed = await signIn(t, await newUser());
      const me = () => dashboardRequest(t, signed, { method: 'GET', url: '/dashboard/api/session' });
      // Active every 20 minutes (idle limit 30) for 11 h 40 min: still signed in.
      for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
        t.clock.advance(20 * MINUTE);
        assert.equal((await me()).statusCode, 200, `after ${elapsed + 20} minutes`);
      }
      t.clock.advance(20 * MINUTE); // 12 hours after sign-in
      assertError(await me(), 401);

      const idle = await signIn(t, await newUser());
      t.clock.advance(29 * MINUTE);
      assert.equal((await dashboardRequest(t, idle, { method: 'GET', url: '/dashboard/api/session' })).statusCode, 200);
      t.clock.advance(30 * MINUTE);
      assertError(await dashboardRequest(t, idle, { method: 'GET', url: '/dashboard/api/session' }), 401);
    });

    test('sign-out ends the session on the server and clears the cookie', async () => {
      const signed = await signIn(t, await newUser());
      assertError(await dashboardRequest(t, signed, { method: 'DELETE', url: '/dashboard/api/session', headers: { 'x-csrf-token': 'forged' } }), 403);
      const out = await dashboardRequest(t, signed, { method: 'DELETE', url: '/dashboard/api/session' });
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers['set-cookie']), /^__Host-cnx_session=; Path=\/; Secure; HttpOnly; SameSite=Strict; Max-Age=0$/);
      // The old cookie, replayed, is dead.
      assertError(await dashboardRequest(t, signed, { method: 'GET', url: '/dashboard/api/api_keys' }), 401);
    });

    test(`${MAX_FAILURES} failures lock the email for ${LOCKOUT_MS / MINUTE} minutes, known or not; the right password then waits too`, async () => {
      const email = await newUser();
      for (let i = 1; i < MAX_FAILURES; i++) assertError(await signInRequest(t, email, `wrong ${i}`), 401);
      assertError(await signInRequest(t, email, 'wrong again'), 429, 'sign_in_locked');
      const blocked = await signInRequest(t, email, PASSWORD);
      assertError(blocked, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0 && Number(blocked.headers['retry-after']) <= LOCKOUT_MS / 1000);
      // An unknown email locks the same way, so a lockout tells nothing about which emails exist.
      for (let i = 1; i < MAX_FAILURES; i++) assertError(await signInRequest(t, 'ghost@example.com', `wrong ${i}`), 401);
      assertError(await signInRequest(t, 'ghost@example.com', 'wrong'), 429);
      t.clock.advance(LOCKOUT_MS);
      assert.equal((await signInRequest(t, email, PASSWORD)).statusCode, 201);
      // Success starts the count again.
      for (let i = 1; i < MAX_FAILURES; i++) assertError(await signInRequest(t, email, `wrong ${i}`), 401);
      assert.equal((await signInRequest(t, email, PASSWORD)).statusCode, 201);
    });

    test('failures spread beyond the window do not add up', async () => {
      const email = await newUser();
      for (let i = 0; i < MAX_FAILURES * 2; i++) {
        assertError(await signInRequest(t, email, 'wrong'), 401);
        if (i % (MAX_FAILURES - 1) === MAX_FAILURES - 2) t.clock.advance(FAILURE_WINDOW_MS + 1);
      }
      assert.equal((await signInRequest(t, email, PASSWORD)).statusCode, 201);
    });

    test(`one client address gets ${SIGN_IN_ATTEMPTS_PER_MINUTE} sign-in attempts a minute, whatever the emails`, async () => {
      t.clock.advance(MINUTE); // a fresh rate-limit window
      const email = await newUser();
      for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++) assertError(await signInRequest(t, `spray${i}@example.com`, 'guess'), 401);
      const limited = await signInRequest(t, email, PASSWORD);
      assertError(limited, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      t.clock.advance(MINUTE);
      assert.equal((await signInRequest(t, email, PASSWORD)).statusCode, 201);
    });

    test('a session cookie is not an API key, and an API key is not a session', async () => {
      const signed = await signIn(t, await newUser());
      assertError(await t.app.inject({ method: 'GET', url: '/v2/regions', headers: { cookie: signed.cookie } }), 401);
      // (With the CSRF token too, the dashboard's pages may call /v2: dashboard-v2-session.test.ts.)
      assertError(await t.request(key, { method: 'GET', url: '/dashboard/api/api_keys', headers: { host: HOST } }), 401);
      assertError(await t.request(key, { method: 'GET', url: '/dashboard/api/session', headers: { host: HOST } }), 401);
      assertError(await t.request(key, { method: 'POST', url: '/dashboard/api/api_keys', headers: { host: HOST, origin: ORIGIN }, payload: { name: 'x' } }), 401);
      // Both at once: each side still looks only at its own credential.
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/regions', headers: { cookie: signed.cookie } })).statusCode, 200);
      assert.equal((await dashboardRequest(t, signed, { method: 'GET', url: '/dashboard/api/api_keys', headers: { authorization: 'Bearer junk' } })).statusCode, 200);
    });

    test('no password, session token or CSRF token reaches the logs', async () => {
      const signed = await signIn(t, await newUser());
      await dashboardRequest(t, signed, { method: 'GET', url: '/dashboard/api/session' });
      const logs = t.logs.join('\n');
      assert.ok(logs.includes('/dashboard/api/session'), 'the requests were logged');
      assert.doesNotMatch(logs, new RegExp(signed.cookie.split('=')[1] as string));
      assert.doesNotMatch(logs, new RegExp(signed.csrf));
      assert.doesNotMatch(logs, new RegExp(PASSWORD));
    });
  });
}
