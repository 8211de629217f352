// Rate-limit counters shared by every node, in Redis. While Redis is unreachable each node counts
// on its own (fail open to per-node limits): an outage cannot take the API down, and an account
// gets at most its budget once per node until Redis is back.
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Metrics } from './metrics.js';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

/**
 * INCR and PEXPIRE in one script, so a counter can never be left without an expiry. The window
 * start is part of the key and comes from the caller: every node floors its wall clock to the same
 * one-minute boundary (clocks kept in sync by NTP), and the expiry runs on Redis's clock. Two
 * windows' worth of expiry leaves room for skew between nodes.
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

type WithHit = Redis & { rateLimitHit(key: string, expiryMs: number): Promise<number> };

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: WithHit;
  private readonly fallback = new MemoryRateLimitStore();
  private degraded = false;

  constructor(
    redis: Redis,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
  ) {
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
    this.redis = redis as WithHit;
  }

  async hit(key: string, windowStart: number, windowMs: number): Promise<number> {
    try {
      const count = await this.redis.rateLimitHit(`cnx:rl:${key}:${windowStart}`, windowMs * 2);
      if (this.degraded) {
        this.degraded = false;
        this.log.info('Redis is back: rate limits are shared across nodes again');
      }
      return count;
    } catch (error) {
      this.metrics.redisErrors.inc({ operation: 'rate_limit' });
      if (!this.degraded) {
        this.degraded = true;
        this.log.warn({ err: error }, 'Redis unreachable: rate limits fall back to per-node counters');
      }
      return this.fallback.hit(key, windowStart);
    }
  }
}
