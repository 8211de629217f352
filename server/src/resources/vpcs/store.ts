import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { VpcsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';

export type VpcRow = VpcsTable;

export class VpcsStore {
  constructor(private readonly db: Db) {}

  async insert(row: VpcRow): Promise<void> {
    await this.db.insertInto('vpcs').values(row).execute();
  }

  /** Inserts the default VPC unless the account already has one in the region; returns the one that exists. */
  async insertDefault(row: VpcRow): Promise<VpcRow> {
    await this.db.insertInto('vpcs').values(row).onConflict((oc) => oc.doNothing()).execute();
    return (await this.db.selectFrom('vpcs').selectAll().where('default_key', '=', row.default_key).executeTakeFirst()) as VpcRow;
  }

  async find(accountId: string, id: string): Promise<VpcRow | undefined> {
    return this.db.selectFrom('vpcs').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: { region?: string; regions: readonly string[] | null; selector: LabelSelector }, page: PageRequest): Promise<VpcRow[]> {
    const query = this.db
      .selectFrom('vpcs')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'vpcs.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  async update(id: string, changes: Partial<Pick<VpcRow, 'name' | 'description' | 'updated_at'>>): Promise<void> {
    await this.db.updateTable('vpcs').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the VPC unless a network still uses it; returns whether it was deleted. */
  async removeIfEmpty(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('vpcs')
      .where('id', '=', id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('networks').select('networks.id').where('networks.vpc_id', '=', id))))
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
