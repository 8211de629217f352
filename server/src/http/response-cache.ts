// Serialized answers of read routes, reused while the database has not changed since they were made.
//
// Clients poll lists (dashboards, SDK wait loops, Terraform refreshes), and most polls find nothing
// new. Like the Kubernetes API server's watch cache, we answer those from memory, but never stale:
// each answer is stored with a write stamp taken before it was read, and is reused only while the
// stamp is still the same (own writes, committed or not, and other processes' commits). A route
// that names the tables it reads (`cached: { reads }`) is stamped per account, so only a write to
// the caller's account's rows voids it; any other cached route, by the database's one stamp, which
// any write anywhere moves. Authentication, rate limiting, scopes and region checks still run on
// every request; only the handler's reads and the serializing are skipped.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Counter } from 'prom-client';
import type { Database } from '../db/database.js';
import './route-config.js';

interface Entry {
  stamp: string;
  body: string;
  bytes: number;
}

/** Answers by key, least recently used evicted first once they hold more than `maxBytes`. */
export class ResponseCache {
  // A Map iterates in insertion order; a hit re-inserts its entry, so the first one is the coldest.
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The body stored under `key`, if it was made at `stamp`; an outdated one is dropped. */
  get(key: string, stamp: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.stamp !== stamp) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, stamp: string, body: string): void {
    const bytes = Buffer.byteLength(body) + key.length;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    // One answer bigger than the whole budget would only evict everything else.
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { stamp, body, bytes });
    this.bytes += bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.bytes;
    }
  }

  /** Bytes held (bodies and keys). */
  get size(): number {
    return this.bytes;
  }
}

export interface ResponseCacheCounters {
  hits: Counter;
  misses: Counter;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Serves GET routes that declare `config.cached` from `cache`. Such a route promises that its 200
 * answer depends only on the database, the URL and the caller's account and region allowlist.
 * A request with `Cache-Control: no-cache` is answered fresh (and refreshes the entry).
 */
export function registerResponseCache(app: FastifyInstance, cache: ResponseCache, stamps: Pick<Database, 'writeStamp' | 'accountStamp'>, counters: ResponseCacheCounters): void {
  const pending = new WeakMap<FastifyRequest, { key: string; stamp: string }>();

  // A preHandler, so it runs after validation and after the auth layer's region check.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = request.auth;
    const { cached } = request.routeOptions.config;
    if (!cached || auth === null || request.method !== 'GET') return;
    const key = `${auth.accountId} ${auth.regions?.join(',') ?? '*'} ${request.url}`;
    // Taken before the handler reads: a change made while it reads moves the stamp past this one.
    const stamp = await (cached === true ? stamps.writeStamp() : stamps.accountStamp(auth.accountId));
    if (!/no-cache/i.test(request.headers['cache-control'] ?? '')) {
      const body = cache.get(key, stamp);
      if (body !== undefined) {
        counters.hits.inc();
        return reply.header('content-type', JSON_TYPE).send(body);
      }
    }
    counters.misses.inc();
    pending.set(request, { key, stamp });
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const slot = pending.get(request);
    if (slot !== undefined && reply.statusCode === 200 && typeof payload === 'string') cache.set(slot.key, slot.stamp, payload);
  });
}
