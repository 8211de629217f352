// What an account may have at once, by tier. Creates beyond these are refused with a 422.
import type { Tier } from './tiers.js';

export interface Quotas {
  instances: number;
  vcpus: number;
}

const QUOTAS: Record<Tier, Quotas> = {
  free: { instances: 5, vcpus: 10 },
  pro: { instances: 50, vcpus: 200 },
  enterprise: { instances: 500, vcpus: 4000 },
};

export function quotasFor(tier: Tier): Quotas {
  return QUOTAS[tier];
}
