// Accounts: who owns resources, and which request budget they get.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import { newId } from '../../ids.js';
import { isTier, rateLimitFor, type Tier } from './tiers.js';
import type { AccountRow, AccountsStore } from './store.js';
import { quotasFor } from './quotas.js';
import type { AccountUsage } from './usage.js';
import { notFound, validationFailed } from '../../errors/catalog.js';

export interface Account {
  id: string;
  name: string;
  tier: Tier;
  /** Requests per minute in effect: the custom limit, else the tier's. */
  rate_limit: number;
  created_at: string;
}

export interface NewAccount {
  name: string;
  tier: string;
  rateLimit?: number | null;
}

export class AccountsService {
  constructor(
    private readonly store: AccountsStore,
    private readonly usage: AccountUsage,
    private readonly clock: Clock,
  ) {}

  async create(input: NewAccount): Promise<Account> {
    const problems = [];
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) problems.push({ field: 'name', message: 'Must be 1 to 100 characters' });
    if (!isTier(input.tier)) problems.push({ field: 'tier', message: 'Must be one of free, pro, enterprise' });
    const rateLimit = input.rateLimit ?? null;
    if (rateLimit !== null && (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > 1_000_000)) {
      problems.push({ field: 'rate_limit', message: 'Must be an integer from 1 to 1000000 requests per minute' });
    }
    if (problems.length > 0) throw validationFailed(problems);
    const row: AccountRow = { id: newId('acc'), name, tier: input.tier, rate_limit: rateLimit, created_at: storedTime(this.clock()) };
    await this.store.insert(row);
    return present(row);
  }

  /** The account with its quotas and what it uses of them. */
  async overview(id: string) {
    const row = await this.store.find(id);
    if (!row) throw notFound(`Account ${id}`);
    const quotas = quotasFor(row.tier as Tier);
    const usage = await this.usage.of(id);
    const quota = (name: keyof typeof quotas) => ({ limit: quotas[name], used: usage[name] });
    return {
      ...present(row),
      quotas: {
        instances: quota('instances'),
        vcpus: quota('vcpus'),
        volumes: quota('volumes'),
        volume_gb: quota('volume_gb'),
        vpcs: quota('vpcs'),
        networks: quota('networks'),
        firewalls: quota('firewalls'),
        load_balancers: quota('load_balancers'),
        reserved_ips: quota('reserved_ips'),
        databases: quota('databases'),
        functions: quota('functions'),
        function_concurrency: quota('function_concurrency'),
      },
    };
  }
}

export function present(row: AccountRow): Account {
  const tier = row.tier as Tier;
  return { id: row.id, name: row.name, tier, rate_limit: rateLimitFor(tier, row.rate_limit), created_at: apiTime(row.created_at) };
}
