// Authentication, rate limiting and authorization, in that order, for every route with a scope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../resources/api-keys/auth-context.js';
import type { ApiKeysService } from '../resources/api-keys/service.js';
import { scopeAllows } from '../resources/api-keys/scopes.js';
import { defaultRateClass, type RateLimiter } from './rate-limit.js';
import './route-config.js';
import { apiError, unauthorized } from '../errors/catalog.js';

const BEARER = /^Bearer ([^\s]+)$/;

/**
 * Another credential a request without an `Authorization` header may present (the dashboard's
 * session: cookie + CSRF token); null when it presents none or a bad one.
 */
export type OtherAuthenticator = (request: FastifyRequest) => Promise<AuthContext | null>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Tried in order, at request time, so a plugin registered after auth can still add one. */
    otherAuthenticators: OtherAuthenticator[];
  }
}

async function otherCredential(app: FastifyInstance, request: FastifyRequest): Promise<AuthContext | null> {
  for (const authenticate of app.otherAuthenticators) {
    const auth = await authenticate(request);
    if (auth) return auth;
  }
  return null;
}

export function registerAuth(app: FastifyInstance, keys: ApiKeysService, limiter: RateLimiter): void {
  app.decorateRequest('auth', null);
  app.decorate('otherAuthenticators', [] as OtherAuthenticator[]);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const { scope, rateClass } = request.routeOptions.config;
    if (scope === undefined) return;
    const header = request.headers.authorization;
    const match = BEARER.exec(header ?? '');
    // A request that names a key is judged by that key alone, whatever else it carries.
    const auth = match ? await keys.authenticate(match[1] as string) : header === undefined ? await otherCredential(app, request) : null;
    if (!auth) throw unauthorized();
    request.auth = auth;
    // A refused request is still an authenticated one: it counts and carries the headers.
    limiter.apply(reply, await limiter.spend(auth.accountId, auth.rateLimit, rateClass ?? defaultRateClass(request.method)));
    if (!scopeAllows(auth.scopes, scope)) throw apiError('insufficient_scope', `This API key lacks the ${scope} scope`);
  });

  // Regions come from validated params, query or body, so this check runs after validation.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const { regionsOf } = request.routeOptions.config;
    const allowed = request.auth?.regions;
    if (!regionsOf || !allowed) return;
    const blocked = regionsOf(request).find((region) => !allowed.includes(region));
    if (blocked !== undefined) throw apiError('region_forbidden', `This API key may not act in region ${blocked}`);
  });
}
