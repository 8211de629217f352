// What nodes share through Redis when REDIS_URL is set: rate-limit counters and key revocations.
import type { FastifyBaseLogger } from 'fastify';
import { RedisRateLimitStore } from '../http/redis-rate-limit-store.js';
import type { Metrics } from '../http/metrics.js';
import type { KeyCache } from '../resources/api-keys/key-cache.js';
import { RedisRevocations } from '../resources/api-keys/revocations.js';
import { connectRedis } from './client.js';

export interface SharedState {
  rateLimitStore: RedisRateLimitStore;
  keyCache: KeyCache;
  revocations: RedisRevocations;
  /** Throws unless Redis answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `keyCache` is made live while revocations arrive (and off while they may be missed). */
export async function connectSharedState(url: string, metrics: Metrics, log: FastifyBaseLogger, keyCache: KeyCache): Promise<SharedState> {
  let lastLogged = 0;
  const onError = (error: Error) => {
    metrics.redisErrors.inc({ operation: 'connection' });
    // ioredis reports every failed reconnect; one line every ten seconds is enough.
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log.warn({ err: error }, 'Redis connection error');
  };
  // A subscribed connection can do nothing else, so revocations get their own.
  const [commands, subscriber] = await Promise.all([connectRedis(url, onError), connectRedis(url, onError)]);
  await RedisRevocations.follow(subscriber, keyCache);
  return {
    rateLimitStore: new RedisRateLimitStore(commands, metrics, log),
    keyCache,
    revocations: new RedisRevocations(commands, (details, message) => log.warn(details, message), metrics),
    ping: async () => {
      await commands.ping();
    },
    close: async () => {
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
