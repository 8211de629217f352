// What a route declares about itself, read by the auth, rate-limit and OpenAPI layers.
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../resources/api-keys/auth-context.js';
import type { Scope } from '../resources/api-keys/scopes.js';
import type { Caller } from '../resources/events/origin.js';
import type { RateClass } from './rate-limit.js';
import type { StampedTable } from '../db/stamped-tables.js';

/**
 * A cached route that names every table its answer reads, all of them stamped per account: its
 * entries are voided only by writes to the caller's account's rows, not by any write anywhere.
 */
export interface CachedReads {
  reads: readonly StampedTable[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a key needs. Routes without one are public (no key, no rate limit). */
    scope?: Scope;
    /** Which budget the route spends; by default reads for GET, writes otherwise. */
    rateClass?: RateClass;
    /** The regions a request acts in, checked against the key's region allowlist. */
    regionsOf?: (request: FastifyRequest) => readonly string[];
    /**
     * The 200 answer depends only on the database, the URL and the caller's account and regions
     * (not on the clock or a driver), so it may be reused until the database changes; with
     * `reads`, until the caller's account's rows of those tables change.
     */
    cached?: boolean | CachedReads;
  }
  /** OpenAPI fields a route's schema may carry beside what Fastify validates. */
  interface FastifySchema {
    operationId?: string;
    summary?: string;
    description?: string;
    tags?: string[];
    /** Left out of the OpenAPI document. */
    hide?: boolean;
  }
  interface FastifyRequest {
    /** Set on every route that declares a scope, before its handler runs. */
    auth: AuthContext | null;
  }
}

/**
 * The caller of an authenticated route: who it is, and the origin its changes are recorded
 * under in events (the key or the dashboard user as actor, and this request's id).
 */
export function caller(request: FastifyRequest): Caller {
  if (!request.auth) throw new Error('caller() used on a route without a scope');
  const { keyId, userId } = request.auth;
  const actor = userId === null ? { type: 'api_key' as const, id: keyId } : { type: 'dashboard_user' as const, id: userId };
  return { ...request.auth, actor, requestId: request.id };
}
