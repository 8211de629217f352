// The actions table as the audit of async work: recording, showing and listing actions. The
// engine's side of the same table (claiming, leases, finishing) is engine/actions-queue.ts.
import type { Db } from '../../db/database.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { PageRequest } from '../../http/pagination.js';

export type { ActionRow } from '../../engine/actions-queue.js';

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
