// Rotation: a new secret with the same settings, while the old one keeps working for a grace
// period the caller chooses, so deployments can switch over without an outage.

export const GRACE_PERIODS = { none: 0, '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
export type GracePeriod = keyof typeof GRACE_PERIODS;

/**
 * When the old key stops working: at once for `none`, else after the grace period, never later
 * than it would have expired anyway.
 */
export function oldKeyEnd(now: number, grace: GracePeriod, expiresAt: string | null): number {
  const end = now + GRACE_PERIODS[grace];
  return expiresAt === null ? end : Math.min(end, Date.parse(expiresAt));
}
