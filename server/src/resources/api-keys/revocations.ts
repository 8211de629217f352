// Revoked key ids, announced on a Redis channel so every node evicts them from its key cache.
import type { Redis } from 'ioredis';
import type { Metrics } from '../../http/metrics.js';
import type { KeyCache } from './key-cache.js';

export const REVOCATIONS_CHANNEL = 'cnx:api-keys:revoked';

/** What the API keys service tells about a revoke. Never throws: the revoke is already committed. */
export interface RevocationAnnouncer {
  announce(keyId: string): Promise<void>;
}

export type Warn = (details: Record<string, unknown>, message: string) => void;

export class RedisRevocations implements RevocationAnnouncer {
  constructor(
    private readonly publisher: Redis,
    private readonly warn: Warn,
    private readonly metrics: Metrics | null,
  ) {}

  async announce(keyId: string): Promise<void> {
    try {
      await this.publisher.publish(REVOCATIONS_CHANNEL, keyId);
    } catch (error) {
      // Other nodes stop accepting the key when their cache entry expires (KEY_CACHE_TTL_MS).
      this.metrics?.redisErrors.inc({ operation: 'publish' });
      this.warn({ err: error, keyId }, 'could not announce a key revocation; other nodes honour it within the key cache TTL');
    }
  }

  /** Evicts announced keys from `cache`; caching is on only while the subscription is up. */
  static async follow(subscriber: Redis, cache: KeyCache): Promise<void> {
    subscriber.on('message', (channel: string, keyId: string) => {
      if (channel === REVOCATIONS_CHANNEL) cache.evict(keyId);
    });
    // Announcements made while disconnected are lost: stop caching until subscribed again.
    const subscribe = () => subscriber.subscribe(REVOCATIONS_CHANNEL).then(() => cache.setLive(true), () => undefined);
    subscriber.on('close', () => cache.setLive(false));
    subscriber.on('ready', () => void subscribe());
    if (subscriber.status === 'ready') await subscribe();
  }
}
