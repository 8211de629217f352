import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { NetworksTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';

export type NetworkRow = NetworksTable;

export interface NetworkFilters {
  vpc_id?: string;
  environment?: string;
  region?: string;
  regions: readonly string[] | null;
  selector: LabelSelector;
}

export class NetworksStore {
  constructor(private readonly db: Db) {}

  async insert(row: NetworkRow): Promise<void> {
    await this.db.insertInto('networks').values(row).execute();
  }

  /** Inserts unless the VPC already has a network of that name (the default network's repeat). */
  async insertIfAbsent(row: NetworkRow): Promise<NetworkRow> {
    await this.db.insertInto('networks').values(row).onConflict((oc) => oc.columns(['vpc_id', 'name']).doNothing()).execute();
    return (await this.db.selectFrom('networks').selectAll().where('vpc_id', '=', row.vpc_id).where('name', '=', row.name).executeTakeFirst()) as NetworkRow;
  }

  /** The default network of the account's default VPC in `region`, if made already. */
  async defaultIn(accountId: string, region: string): Promise<NetworkRow | undefined> {
    return this.db
      .selectFrom('networks')
      .innerJoin('vpcs', 'vpcs.id', 'networks.vpc_id')
      .selectAll('networks')
      .where('vpcs.default_key', '=', `${accountId}:${region}`)
      .where('networks.is_default', '=', 1)
      .executeTakeFirst();
  }

  async find(accountId: string, id: string): Promise<NetworkRow | undefined> {
    return this.db.selectFrom('networks').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /** A PATCH's write: the new name, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('networks').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  /**
   * Reads the network and, on PostgreSQL, locks it until the transaction ends, so concurrent
   * allocations in one network happen one after another.
   */
  async lock(id: string, kind: 'sqlite' | 'postgres'): Promise<NetworkRow | undefined> {
    return this.db
      .selectFrom('networks')
      .selectAll()
      .where('id', '=', id)
      .$if(kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  async inVpc(vpcId: string): Promise<NetworkRow[]> {
    return this.db.selectFrom('networks').selectAll().where('vpc_id', '=', vpcId).execute();
  }

  async list(accountId: string, filters: NetworkFilters, page: PageRequest): Promise<NetworkRow[]> {
    const query = this.db
      .selectFrom('networks')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.vpc_id !== undefined, (q) => q.where('vpc_id', '=', filters.vpc_id as string))
      .$if(filters.environment !== undefined, (q) => q.where('environment', '=', filters.environment as string))
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'networks.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  /** Deletes the network unless an address in it is still in use; returns whether it was deleted. */
  async removeIfEmpty(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('networks')
      .where('id', '=', id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('ip_allocations').select('ip_allocations.address').where('ip_allocations.network_id', '=', id))))
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
