// Authentication by dashboard session: the session cookie, never an API key, on the dashboard's own
// JSON endpoints; and on /v2, where the dashboard's pages call the real API, the cookie together
// with the session's CSRF token on every request (so a cookie alone is never a /v2 credential).
// Every mutation must also come from our own origin and carry the CSRF token in a header, which a
// cross-site page can neither read nor send.
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { AuthContext } from '../resources/api-keys/auth-context.js';
import { defaultRateClass, type RateLimiter } from '../http/rate-limit.js';
import type { Caller } from '../resources/events/origin.js';
import { sessionToken } from './cookies.js';
import { csrfMatches, type Session, type SessionsService } from './sessions.js';
import { ApiError } from '../errors/api-error.js';
import { apiError } from '../errors/catalog.js';

const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs a dashboard session (and, unless it is a GET, the CSRF token). */
    session?: true;
  }
  interface FastifyRequest {
    /** Set on every route that declares `session`, before its handler runs. */
    session: Session | null;
  }
}

function notSignedIn(): ApiError {
  return apiError('not_signed_in', 'Not signed in, or the session has ended');
}

const sameOrigin = (request: FastifyRequest) => request.headers.origin === `https://${request.headers.host}`;

/** Refuses a request whose Origin is not this server (a cross-site form or script). */
export function assertSameOrigin(request: FastifyRequest): void {
  if (!sameOrigin(request)) throw apiError('cross_site_refused', 'Cross-origin request refused');
}

const isMutation = (request: FastifyRequest) => request.method !== 'GET' && request.method !== 'HEAD';

function presentedCsrf(request: FastifyRequest): string | undefined {
  const presented = request.headers[CSRF_HEADER];
  return typeof presented === 'string' ? presented : undefined;
}

/** A session on /v2 acts as the account owner: every scope, every region. */
function ownerAuth(session: Session): AuthContext {
  return { accountId: session.accountId, keyId: null, userId: session.userId, scopes: ['*'], regions: null, rateLimit: session.rateLimit };
}

/** Lets the dashboard's pages call /v2 with their session (see auth.ts: only when no key is sent). */
function registerV2SessionAuth(app: FastifyInstance, sessions: SessionsService): void {
  app.otherAuthenticators.push(async (request) => {
    const token = sessionToken(request.headers.cookie);
    if (!token) return null;
    if (isMutation(request) && !sameOrigin(request)) return null;
    const session = await sessions.resolve(token);
    return session && csrfMatches(session, presentedCsrf(request)) ? ownerAuth(session) : null;
  });
}

export function registerSessionAuth(app: FastifyInstance, sessions: SessionsService, limiter: RateLimiter): void {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config.session) return;
    const token = sessionToken(request.headers.cookie);
    const session = token ? await sessions.resolve(token) : null;
    if (!session) throw notSignedIn();
    if (isMutation(request)) {
      assertSameOrigin(request);
      if (!csrfMatches(session, presentedCsrf(request))) throw apiError('cross_site_refused', 'Missing or invalid CSRF token');
    }
    // The dashboard spends from the same per-account budget as the account's keys.
    limiter.apply(reply, await limiter.spend(session.accountId, session.rateLimit, defaultRateClass(request.method)));
    request.session = session;
  });
  registerV2SessionAuth(app, sessions);
}

/** The signed-in session of a route that declares `session`. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error('sessionOf() used on a route without `session`');
  return request.session;
}

/**
 * The account owner behind a request's session, as the services know callers: every scope, every
 * region, and the signed-in user as the actor of the changes it makes (events).
 */
export function ownerCaller(request: FastifyRequest): Caller {
  const session = sessionOf(request);
  return { ...ownerAuth(session), actor: { type: 'dashboard_user', id: session.userId }, requestId: request.id };
}
