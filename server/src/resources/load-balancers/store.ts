import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { LoadBalancersTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';

export type LoadBalancerRow = LoadBalancersTable;

export class LoadBalancersStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('load_balancers').select('id').execute()).map((r) => r.id));
  }

  async insert(row: LoadBalancerRow): Promise<void> {
    await this.db.insertInto('load_balancers').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<LoadBalancerRow | undefined> {
    return this.db.selectFrom('load_balancers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<LoadBalancerRow | undefined> {
    return this.db.selectFrom('load_balancers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: { region?: string; vpc_id?: string; regions: readonly string[] | null; selector: LabelSelector }, page: PageRequest): Promise<LoadBalancerRow[]> {
    const query = this.db
      .selectFrom('load_balancers')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.vpc_id !== undefined, (q) => q.where('vpc_id', '=', filters.vpc_id as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'load_balancers.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  /** A PATCH's write: the new name, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('load_balancers').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  begin(accountId: string, id: string, actionId: string, from: readonly string[], during: string | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'load_balancers', accountId, id, actionId, from, during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<LoadBalancerRow, 'status' | 'ip' | 'algorithm' | 'forwarding_rules' | 'health_check' | 'targets'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'load_balancers', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('load_balancers').where('id', '=', id).execute();
  }
}
