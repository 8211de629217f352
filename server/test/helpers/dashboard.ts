// A browser's view of the dashboard endpoints for inject-based tests: same-origin headers, the
// session cookie and the CSRF token, as the dashboard's own script sends them.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { accountLookup } from '../../src/resources/accounts/queries.js';
import { DashboardUsersService } from '../../src/resources/dashboard-users/service.js';
import { DashboardUsersStore } from '../../src/resources/dashboard-users/store.js';
import { SESSION_COOKIE } from '../../src/dashboard/cookies.js';
import { TEST_SCRYPT_COST, type TestApp } from './app.js';

export const HOST = 'cloudnexus.test';
export const ORIGIN = `https://${HOST}`;
export const PASSWORD = 'correct horse battery staple';

export interface Signed {
  cookie: string;
  csrf: string;
}

export async function createUser(t: TestApp, accountId: string, email: string, password = PASSWORD) {
  return new DashboardUsersService(new DashboardUsersStore(t.testDb.database.db), accountLookup(t.testDb.database.db), t.clock.now, TEST_SCRYPT_COST).create(accountId, email, password);
}

export function signInRequest(t: TestApp, email: string, password: string, headers: Record<string, string> = { origin: ORIGIN }): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/dashboard/api/session', headers: { host: HOST, ...headers }, payload: { email, password } });
}

/** Signs in and returns the cookie and CSRF token; throws unless it worked. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Signed> {
  const response = await signInRequest(t, email, password);
  if (response.statusCode !== 201) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0] as string;
  if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error(`unexpected cookie ${cookie}`);
  return { cookie, csrf: response.json().csrf_token };
}

/** A request as the dashboard page makes it: cookie, same Origin, and the CSRF token on mutations. */
export function dashboardRequest(t: TestApp, signed: Signed | null, options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { host: HOST, origin: ORIGIN };
  if (signed) {
    headers.cookie = signed.cookie;
    if (options.method !== 'GET') headers['x-csrf-token'] = signed.csrf;
  }
  return t.app.inject({ ...options, headers: { ...headers, ...(options.headers as Record<string, string> | undefined) } });
}

/** A /v2 request as the dashboard page makes it: cookie and CSRF token always, the same Origin. */
export function v2SessionRequest(t: TestApp, signed: Signed, options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
  const headers = { host: HOST, origin: ORIGIN, cookie: signed.cookie, 'x-csrf-token': signed.csrf };
  return t.app.inject({ ...options, headers: { ...headers, ...(options.headers as Record<string, string> | undefined) } });
}
