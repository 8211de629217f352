// What an account may have at once, by tier. Creates beyond these are refused with a 422.
import type { Db } from '../../db/database.js';
import { AccountsStore } from './store.js';
import type { Tier } from './tiers.js';
import { AccountUsage, type Usage } from './usage.js';
import { apiError, notFound } from '../../errors/catalog.js';

export type Quotas = Usage;

const QUOTAS: Record<Tier, Quotas> = {
  free: { instances: 5, vcpus: 10, volumes: 5, volume_gb: 100, vpcs: 2, networks: 5, firewalls: 5, load_balancers: 1, reserved_ips: 2, databases: 2, functions: 10, function_concurrency: 5 },
  pro: { instances: 50, vcpus: 200, volumes: 50, volume_gb: 2_000, vpcs: 10, networks: 50, firewalls: 50, load_balancers: 10, reserved_ips: 20, databases: 20, functions: 100, function_concurrency: 50 },
  enterprise: { instances: 500, vcpus: 4_000, volumes: 500, volume_gb: 50_000, vpcs: 50, networks: 250, firewalls: 200, load_balancers: 50, reserved_ips: 100, databases: 100, functions: 1_000, function_concurrency: 500 },
};

const NAMES: Record<keyof Quotas, string> = {
  instances: 'Instance',
  vcpus: 'vCPU',
  volumes: 'Volume',
  volume_gb: 'Volume storage (GB)',
  vpcs: 'VPC',
  networks: 'Network',
  firewalls: 'Firewall',
  load_balancers: 'Load balancer',
  reserved_ips: 'Reserved IP',
  databases: 'Database',
  functions: 'Function',
  function_concurrency: 'Concurrent function invocation',
};

export function quotasFor(tier: Tier): Quotas {
  return QUOTAS[tier];
}

/** Refuses (422, field `quota`) a change that adds `added` to `usage` beyond the tier's quotas. */
function assertWithinQuota(tier: Tier, usage: Usage, added: Partial<Usage>): void {
  const quotas = quotasFor(tier);
  for (const [name, amount] of Object.entries(added) as [keyof Quotas, number][]) {
    if (amount > 0 && usage[name] + amount > quotas[name]) {
      throw apiError('quota_exceeded', 'Validation failed', [
        { field: 'quota', message: `${NAMES[name]} quota exceeded: ${usage[name]} of ${quotas[name]} in use, ${amount} more requested` },
      ]);
    }
  }
}

/**
 * Checks `added` against the account's quotas inside `trx`. On PostgreSQL the account row stays
 * locked until the transaction ends, so concurrent creates are checked one after another.
 */
export async function checkQuota(trx: Db, kind: 'sqlite' | 'postgres', accountId: string, added: Partial<Usage>): Promise<void> {
  const account = await new AccountsStore(trx).lock(accountId, kind);
  if (!account) throw notFound(`Account ${accountId}`);
  assertWithinQuota(account.tier as Tier, await new AccountUsage(trx).of(accountId), added);
}

/**
 * Refuses (429) one more function invocation beyond the tier's `function_concurrency`, given how
 * many run now. It reads the account's tier only: an invoke must not cost a count of everything.
 */
export async function checkConcurrency(db: Db, accountId: string, running: number): Promise<void> {
  const account = await new AccountsStore(db).find(accountId);
  if (!account) throw notFound(`Account ${accountId}`);
  const limit = quotasFor(account.tier as Tier).function_concurrency;
  if (running + 1 > limit) throw apiError('concurrency_limited', 'Too many invocations at once', [{ field: 'quota', message: `${NAMES.function_concurrency} quota exceeded: ${running} of ${limit} running` }]);
}
