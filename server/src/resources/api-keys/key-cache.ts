// Successful key lookups, kept briefly so most requests skip the database. Used only when Redis
// carries revocations between nodes: a revoke anywhere evicts the key everywhere at once, and the
// TTL bounds how long a change that announces nothing (a tier change, a lost message) takes to show.
import type { Clock } from '../../clock.js';
import type { AuthContext } from './service.js';

export const KEY_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  auth: AuthContext;
  /** When the key itself expires (ms), or null. */
  keyExpiresAt: number | null;
  cachedUntil: number;
}

export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  /** False while revocations may be missed (the subscription is down): then nothing is cached. */
  private live = false;

  constructor(private readonly clock: Clock) {}

  get(hash: string): AuthContext | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const now = this.clock();
    if (entry.cachedUntil > now && (entry.keyExpiresAt === null || entry.keyExpiresAt > now)) return entry.auth;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, auth: AuthContext, keyExpiresAt: number | null): void {
    if (!this.live) return;
    // Oldest first: Map keeps insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(hash, { auth, keyExpiresAt, cachedUntil: this.clock() + KEY_CACHE_TTL_MS });
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
