import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { FirewallsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';

export type FirewallRow = FirewallsTable;

export class FirewallsStore {
  constructor(private readonly db: Db) {}

  async insert(row: FirewallRow): Promise<void> {
    await this.db.insertInto('firewalls').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<FirewallRow | undefined> {
    return this.db.selectFrom('firewalls').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, selector: LabelSelector, page: PageRequest): Promise<FirewallRow[]> {
    const query = this.db
      .selectFrom('firewalls')
      .selectAll()
      .where('account_id', '=', accountId)
      .where((eb) => matchesLabelSelector(eb, 'firewalls.id', selector));
    return pageNewestFirst(query, page).execute();
  }

  /** Every firewall of the account: an instance's effective rules are computed from them all. */
  async allOf(accountId: string): Promise<FirewallRow[]> {
    return this.db.selectFrom('firewalls').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
  }

  async replace(accountId: string, id: string, changes: Omit<FirewallRow, 'id' | 'account_id' | 'created_at'>): Promise<void> {
    await this.db.updateTable('firewalls').set(changes).where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  /** A PATCH's write: the new name, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('firewalls').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('firewalls').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
