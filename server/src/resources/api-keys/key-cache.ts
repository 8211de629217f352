// Successful key lookups, kept briefly so most requests skip the database. It is live only while
// every change to a key reaches it: on SQLite, this process's own revokes evict directly and the
// file's data_version exposes anyone else's commit; on PostgreSQL without Redis, the database's
// write stamp (the database snapshot) moves with any commit on any node; with Redis, revocations are
// announced, so a revoke anywhere evicts the key everywhere at once. The TTL bounds how long a
// change that announces nothing (a tier change, a lost message) takes to show.
import type { Clock } from '../../clock.js';
import type { AuthContext } from './auth-context.js';

export const KEY_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  auth: AuthContext;
  /** When the key itself expires (ms), or null. */
  keyExpiresAt: number | null;
  cachedUntil: number;
  /** The stamp when the lookup began: a later commit elsewhere may have changed the key. */
  stamp: Stamp;
}

type Stamp = string | number;

export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  /** False while revocations may be missed (the subscription is down): then nothing is cached. */
  private live: boolean;

  /**
   * `changes`: what moves when another connection commits (SQLite's data_version, PostgreSQL's
   * write stamp; see Database). With it the cache is live from the start; without it, only once
   * Redis carries revocations.
   */
  constructor(
    private readonly clock: Clock,
    private readonly changes: (() => Stamp | Promise<Stamp>) | null = null,
  ) {
    this.live = changes !== null;
  }

  /** Taken before get() and before looking a key up: a commit elsewhere since voids the entry. */
  async stamp(): Promise<Stamp> {
    return this.changes === null ? 0 : this.changes();
  }

  get(hash: string, stamp: Stamp): AuthContext | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const now = this.clock();
    if (entry.cachedUntil > now && (entry.keyExpiresAt === null || entry.keyExpiresAt > now) && entry.stamp === stamp) return entry.auth;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, auth: AuthContext, keyExpiresAt: number | null, stamp: Stamp): void {
    if (!this.live) return;
    // Oldest first: Map keeps insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(hash, { auth, keyExpiresAt, cachedUntil: this.clock() + KEY_CACHE_TTL_MS, stamp });
  }

  evict(keyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.auth.keyId === keyId) this.entries.delete(hash);
  }

  /** Turns caching on or off; either way what was cached is dropped, since revocations may have been missed. */
  setLive(live: boolean): void {
    this.live = live;
    this.entries.clear();
  }
}
