import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { DatabasesTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';
import type { DatabaseStatus } from './lifecycle.js';

export type DatabaseRow = DatabasesTable;

export interface DatabaseFilters {
  region?: string;
  engine?: string;
  network_id?: string;
  regions: readonly string[] | null;
  selector: LabelSelector;
}

export type DatabaseSettings = Partial<Pick<DatabaseRow, 'protect_delete' | 'backups_enabled' | 'backup_retention_days' | 'backup_hour' | 'next_backup_at'>>;

export class DatabasesStore {
  constructor(private readonly db: Db) {}

  async insert(row: DatabaseRow): Promise<void> {
    await this.db.insertInto('databases').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<DatabaseRow | undefined> {
    return this.db.selectFrom('databases').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('databases').select('id').execute()).map((r) => r.id));
  }

  async findById(id: string): Promise<DatabaseRow | undefined> {
    return this.db.selectFrom('databases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: DatabaseFilters, page: PageRequest): Promise<DatabaseRow[]> {
    const query = this.db
      .selectFrom('databases')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.engine !== undefined, (q) => q.where('engine', '=', filters.engine as string))
      .$if(filters.network_id !== undefined, (q) => q.where('network_id', '=', filters.network_id as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'databases.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  async update(accountId: string, id: string, changes: DatabaseSettings, at: string): Promise<void> {
    await this.db.updateTable('databases').set({ ...changes, updated_at: at }).where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  /** Databases whose daily backup slot has come, oldest slot first. */
  async backupsDue(now: string, limit: number): Promise<DatabaseRow[]> {
    return this.db
      .selectFrom('databases')
      .selectAll()
      .where('backups_enabled', '=', 1)
      .where('next_backup_at', '<=', now)
      .orderBy('next_backup_at')
      .limit(limit)
      .execute();
  }

  /**
   * Claims the backup slot `slot` by moving the next one on. Only one caller can move it from
   * `slot`, on one node or many: that is what makes each slot fire exactly once.
   */
  async claimBackupSlot(id: string, slot: string, next: string): Promise<boolean> {
    const result = await this.db
      .updateTable('databases')
      .set({ next_backup_at: next })
      .where('id', '=', id)
      .where('next_backup_at', '=', slot)
      .where('backups_enabled', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Takes the action slot of an online, idle database; `during` (if any) becomes its status. */
  begin(accountId: string, id: string, actionId: string, during: DatabaseStatus | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'databases', accountId, id, actionId, ['online'], during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<DatabaseRow, 'status' | 'plan' | 'node_count'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'databases', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('databases').where('id', '=', id).execute();
  }
}
