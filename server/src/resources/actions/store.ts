// The durable actions table is both the audit of async work and the queue the workers drain.
import type { Db, Database } from '../../db/database.js';
import type { ActionsTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import { claimDue, releaseLeases } from '../../engine/queue.js';
import type { PageRequest } from '../../http/pagination.js';

export type ActionRow = ActionsTable;

export interface ActionFilters {
  resource_id?: string;
  status?: string;
}

export class ActionsStore {
  constructor(private readonly db: Db) {}

  async insert(row: ActionRow): Promise<void> {
    await this.db.insertInto('actions').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<ActionRow | undefined> {
    return this.db.selectFrom('actions').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(accountId: string, filters: ActionFilters, page: PageRequest): Promise<ActionRow[]> {
    const query = this.db
      .selectFrom('actions')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.resource_id !== undefined, (q) => q.where('resource_id', '=', filters.resource_id as string))
      .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status as string));
    return pageNewestFirst(query, page, 'started_at').execute();
  }

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

  /** How many actions are waiting or running, and when the oldest of them started (for metrics). */
  async queue(): Promise<{ depth: number; oldestStartedAt: string | null }> {
    const row = await this.db
      .selectFrom('actions')
      .select((eb) => [eb.fn.countAll<number | string>().as('depth'), eb.fn.min('started_at').as('oldest')])
      .where('status', '=', 'in-progress')
      .executeTakeFirstOrThrow();
    return { depth: Number(row.depth), oldestStartedAt: row.oldest ?? null };
  }
}

/** Claims up to `limit` due actions for `owner` (see claimDue). */
export function claimDueActions(database: Database, owner: string, now: string, leaseUntil: string, limit: number): Promise<ActionRow[]> {
  return claimDue<ActionRow>(database, 'actions', 'in-progress', owner, now, leaseUntil, limit);
}
