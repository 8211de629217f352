// What an account has in use, counted against its quotas.
import type { Db } from '../../db/database.js';
import { runningInvocationsOf } from '../functions/queries.js';

export interface Usage {
  instances: number;
  vcpus: number;
  volumes: number;
  volume_gb: number;
  /** VPCs and networks the account made itself (the per-region defaults do not count). */
  vpcs: number;
  networks: number;
  firewalls: number;
  load_balancers: number;
  reserved_ips: number;
  databases: number;
  functions: number;
  /** Function invocations running now, in this process. */
  function_concurrency: number;
}

export class AccountUsage {
  constructor(private readonly db: Db) {}

  async of(accountId: string): Promise<Usage> {
    const count = (table: 'firewalls' | 'load_balancers' | 'reserved_ips' | 'databases' | 'functions') =>
      this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
    const [instances, volumes, vpcs, networks, firewalls, balancers, reservedIps, databases, functions] = await Promise.all([
      this.db
        .selectFrom('instances')
        .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.sum<number | string | null>('cpu').as('total')])
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('volumes')
        .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.sum<number | string | null>('size_gb').as('total')])
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('vpcs')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('account_id', '=', accountId)
        .where('default_key', 'is', null)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('networks')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('account_id', '=', accountId)
        .where('is_default', '=', 0)
        .executeTakeFirstOrThrow(),
      count('firewalls'),
      count('load_balancers'),
      count('reserved_ips'),
      count('databases'),
      count('functions'),
    ]);
    return {
      instances: Number(instances.count),
      vcpus: Number(instances.total ?? 0),
      volumes: Number(volumes.count),
      volume_gb: Number(volumes.total ?? 0),
      vpcs: Number(vpcs.count),
      networks: Number(networks.count),
      firewalls: Number(firewalls.count),
      load_balancers: Number(balancers.count),
      reserved_ips: Number(reservedIps.count),
      databases: Number(databases.count),
      functions: Number(functions.count),
      function_concurrency: runningInvocationsOf(accountId),
    };
  }
}
