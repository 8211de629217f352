// Account tiers and their default request budgets per minute (the seed spec's "Standard Limits").
export const TIERS = ['free', 'pro', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

const DEFAULT_RATE_LIMITS: Record<Tier, number> = { free: 60, pro: 600, enterprise: 2000 };

export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

/** Requests per minute: the account's custom limit when set, else its tier's. */
export function rateLimitFor(tier: Tier, custom: number | null): number {
  return custom ?? DEFAULT_RATE_LIMITS[tier];
}
