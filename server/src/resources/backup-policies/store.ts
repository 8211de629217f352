import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { BackupPoliciesTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type BackupPolicyRow = BackupPoliciesTable;

export class BackupPoliciesStore {
  constructor(private readonly db: Db) {}

  async insert(row: BackupPolicyRow): Promise<void> {
    await this.db.insertInto('backup_policies').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<BackupPolicyRow | undefined> {
    return this.db.selectFrom('backup_policies').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, page: PageRequest): Promise<BackupPolicyRow[]> {
    return pageNewestFirst(this.db.selectFrom('backup_policies').selectAll().where('account_id', '=', accountId), page).execute();
  }

  async update(accountId: string, id: string, changes: Partial<BackupPolicyRow>): Promise<void> {
    await this.db.updateTable('backup_policies').set(changes).where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('backup_policies').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Enabled policies whose next slot has come, oldest slot first. */
  async due(now: string, limit: number): Promise<BackupPolicyRow[]> {
    return this.db
      .selectFrom('backup_policies')
      .selectAll()
      .where('enabled', '=', 1)
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
  }

  /**
   * Claims the slot `slot` of a policy by moving its next run on. Only one caller can move it from
   * `slot`, on one node or many: that is what makes each slot fire exactly once.
   */
  async claimSlot(id: string, slot: string, next: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('backup_policies')
      .set({ next_run_at: next, last_run_at: slot, updated_at: at })
      .where('id', '=', id)
      .where('next_run_at', '=', slot)
      .where('enabled', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
