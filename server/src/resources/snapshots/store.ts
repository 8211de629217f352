import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { SnapshotsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type SnapshotRow = SnapshotsTable;

export interface SnapshotFilters {
  volume_id?: string;
  region?: string;
  regions: readonly string[] | null;
}

export class SnapshotsStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('snapshots').select('id').execute()).map((r) => r.id));
  }

  async insert(row: SnapshotRow): Promise<void> {
    await this.db.insertInto('snapshots').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<SnapshotRow | undefined> {
    return this.db.selectFrom('snapshots').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /** A PATCH's write: the new name, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('snapshots').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<SnapshotRow | undefined> {
    return this.db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: SnapshotFilters, page: PageRequest): Promise<SnapshotRow[]> {
    const query = this.db
      .selectFrom('snapshots')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.volume_id !== undefined, (q) => q.where('volume_id', '=', filters.volume_id as string))
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]));
    return pageNewestFirst(query, page).execute();
  }

  begin(accountId: string, id: string, actionId: string, from: readonly string[], during: string | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'snapshots', accountId, id, actionId, from, during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<SnapshotRow, 'status'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'snapshots', id, actionId, changes, at);
  }

  /** A policy's available snapshots of a volume, newest first. */
  async ofPolicy(policyId: string, volumeId: string): Promise<SnapshotRow[]> {
    return this.db
      .selectFrom('snapshots')
      .selectAll()
      .where('backup_policy_id', '=', policyId)
      .where('volume_id', '=', volumeId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('snapshots').where('id', '=', id).execute();
  }
}
