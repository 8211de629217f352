// Dashboard sessions: a random token in a cookie, only its hash in the database. A session ends
// after an idle period or at an absolute time, whichever comes first, or when the user signs out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { storedTime, type Clock } from '../clock.js';
import { rateLimitFor, type Tier } from '../resources/accounts/tiers.js';
import type { DashboardUser } from '../resources/dashboard-users/service.js';
import type { SessionsStore } from './sessions-store.js';

export interface SessionLifetime {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
}

/** `last_seen_at` is written at most this often, so an active page does not write on every request. */
const TOUCH_RESOLUTION_MS = 60_000;

export interface StartedSession {
  /** Goes in the cookie; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface Session {
  tokenHash: string;
  userId: string;
  email: string;
  accountId: string;
  rateLimit: number;
  csrfToken: string;
  expiresAt: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionsService {
  constructor(
    private readonly store: SessionsStore,
    private readonly clock: Clock,
    readonly lifetime: SessionLifetime,
  ) {}

  async start(user: DashboardUser): Promise<StartedSession> {
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = now + this.lifetime.absoluteMs;
    await this.store.deleteEnded(user.id, storedTime(now - this.lifetime.idleMs), storedTime(now));
    await this.store.insert({
      token_hash: hash(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: storedTime(now),
      last_seen_at: storedTime(now),
      expires_at: storedTime(expiresAt),
    });
    return { token, csrfToken, expiresAt };
  }

  /** The live session behind `token`, or null; an ended one is deleted on the way. */
  async resolve(token: string): Promise<Session | null> {
    const tokenHash = hash(token);
    const row = await this.store.find(tokenHash);
    if (!row) return null;
    const now = this.clock();
    const lastSeen = Date.parse(row.last_seen_at);
    if (Date.parse(row.expires_at) <= now || lastSeen + this.lifetime.idleMs <= now) {
      await this.store.delete(tokenHash);
      return null;
    }
    if (now - lastSeen >= TOUCH_RESOLUTION_MS) await this.store.touch(tokenHash, storedTime(now));
    return {
      tokenHash,
      userId: row.user_id,
      email: row.email,
      accountId: row.account_id,
      rateLimit: rateLimitFor(row.tier as Tier, row.rate_limit),
      csrfToken: row.csrf_token,
      expiresAt: Date.parse(row.expires_at),
    };
  }

  async end(session: Session): Promise<void> {
    await this.store.delete(session.tokenHash);
  }
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(session: Session, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
