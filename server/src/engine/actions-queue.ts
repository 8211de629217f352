// The actions table as the queue the workers drain: claiming due actions under a lease, giving
// them back for a retry, and finishing them. It belongs to the engine; the resources' read side
// (showing and listing actions) is resources/actions/store.ts.
import type { Database, Db } from '../db/database.js';
import type { ActionsTable } from '../db/tables.js';
import { claimDue, releaseLeases } from './queue.js';

export type ActionRow = ActionsTable;

export class ActionsQueue {
  constructor(private readonly db: Db) {}

  /** Finishes an action this worker still holds; false when its lease was lost to another worker. */
  async finish(id: string, owner: string, status: 'completed' | 'errored', at: string, error: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('actions')
      .set({ status, completed_at: at, error, lease_owner: null, lease_expires_at: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'in-progress')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives the action back to the queue, to be tried again from `runAfter`. */
  async retryLater(id: string, owner: string, runAfter: string, error: string): Promise<void> {
    await this.db
      .updateTable('actions')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), run_after: runAfter, error, lease_owner: null, lease_expires_at: null }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  /** Releases this worker's leases (on shutdown), so another node can take them at once. */
  async releaseAll(owner: string): Promise<void> {
    await releaseLeases(this.db, 'actions', owner);
  }
}

/** Claims up to `limit` due actions for `owner` (see claimDue). */
export function claimDueActions(database: Database, owner: string, now: string, leaseUntil: string, limit: number): Promise<ActionRow[]> {
  return claimDue<ActionRow>(database, 'actions', 'in-progress', owner, now, leaseUntil, limit);
}
