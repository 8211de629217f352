// Per-account request budgets in fixed one-minute windows, by endpoint class.
import type { FastifyReply } from 'fastify';
import type { Clock } from '../clock.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { apiError } from '../errors/catalog.js';

export const WINDOW_MS = 60_000;

/**
 * The endpoint classes. Every request spends one unit of the account's budget (its tier's
 * requests per minute, or its custom limit); costly creates also spend from a budget of their own,
 * a tenth of the account's, so a burst of creates cannot starve reads.
 */
export const RATE_CLASSES = {
  read: { description: 'GET requests', buckets: [{ name: 'all', share: 1 }] },
  write: { description: 'POST, PUT, PATCH and DELETE requests', buckets: [{ name: 'all', share: 1 }] },
  create: {
    description: 'Creates that provision infrastructure (a tenth of the budget, on top of the account budget)',
    buckets: [
      { name: 'all', share: 1 },
      { name: 'create', share: 0.1 },
    ],
  },
} as const;

export type RateClass = keyof typeof RATE_CLASSES;

export function defaultRateClass(method: string): RateClass {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

export interface RateDecision {
  limit: number;
  remaining: number;
  /** Unix epoch seconds at which the window resets. */
  reset: number;
  allowed: boolean;
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
  ) {}

  /** Spends from every bucket of the class; the answer describes the bucket closest to its limit. */
  async spend(accountId: string, accountLimit: number, rateClass: RateClass): Promise<RateDecision> {
    const now = this.clock();
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const reset = (windowStart + WINDOW_MS) / 1000;
    const decisions: RateDecision[] = [];
    for (const bucket of RATE_CLASSES[rateClass].buckets) {
      const limit = Math.max(1, Math.floor(accountLimit * bucket.share));
      const count = await this.store.hit(`${accountId}:${bucket.name}`, windowStart, WINDOW_MS);
      const decision = { limit, remaining: Math.max(0, limit - count), reset, allowed: count <= limit };
      if (!decision.allowed) return decision;
      decisions.push(decision);
    }
    return decisions.reduce((tightest, d) => (d.remaining < tightest.remaining ? d : tightest));
  }

  /** Sets the X-RateLimit headers; over the limit, adds Retry-After and throws the 429. */
  apply(reply: FastifyReply, decision: RateDecision): void {
    reply.header('X-RateLimit-Limit', decision.limit);
    reply.header('X-RateLimit-Remaining', decision.remaining);
    reply.header('X-RateLimit-Reset', decision.reset);
    if (decision.allowed) return;
    reply.header('Retry-After', Math.max(1, Math.ceil(decision.reset - this.clock() / 1000)));
    throw apiError('rate_limited', 'Rate limit exceeded; retry after the time in Retry-After');
  }
}
