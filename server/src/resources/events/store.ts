// The events table: written inside the transaction of each change, read newest first.
import type { Db } from '../../db/database.js';
import type { EventsTable } from '../../db/tables.js';
import type { PageRequest, SequencePosition } from '../../db/page.js';

export type EventRow = Omit<EventsTable, 'seq'> & { seq: number };
export type NewEventRow = Omit<EventsTable, 'seq'>;

export interface EventFilters {
  /** An exact type, or a prefix such as `instance.` (from `instance.*`). */
  type?: { exact: string } | { prefix: string };
  resourceId?: string;
  since?: string;
  until?: string;
}

export class EventsStore {
  constructor(private readonly db: Db) {}

  async insert(row: NewEventRow): Promise<void> {
    await this.db.insertInto('events').values(row).execute();
  }

  /** Newest first, by the order they were written; the cursor position is the last row's seq. */
  async list(accountId: string, filters: EventFilters, page: PageRequest<SequencePosition>): Promise<EventRow[]> {
    const after = page.after;
    const { type } = filters;
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(type !== undefined && 'exact' in type, (q) => q.where('type', '=', (type as { exact: string }).exact))
      // A prefix (`instance.`) as a range up to the next string that does not start with it
      // (`instance/`: '/' follows '.'), so no LIKE and no escaping of `_` is needed.
      .$if(type !== undefined && 'prefix' in type, (q) => {
        const prefix = (type as { prefix: string }).prefix;
        return q.where('type', '>=', prefix).where('type', '<', `${prefix.slice(0, -1)}/`);
      })
      .$if(filters.resourceId !== undefined, (q) => q.where('resource_id', '=', filters.resourceId as string))
      .$if(filters.since !== undefined, (q) => q.where('created_at', '>=', filters.since as string))
      .$if(filters.until !== undefined, (q) => q.where('created_at', '<', filters.until as string))
      .$if(after !== null, (q) => q.where('seq', '<', after?.[0] as number))
      .orderBy('seq', 'desc')
      .limit(page.limit + 1)
      .execute();
    // PostgreSQL returns a bigserial as text.
    return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  async find(accountId: string, id: string): Promise<EventRow | undefined> {
    const row = await this.db.selectFrom('events').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row && { ...row, seq: Number(row.seq) };
  }

  async findById(id: string): Promise<EventRow | undefined> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, seq: Number(row.seq) };
  }

  /** Deletes events written before `cutoff`; returns how many. */
  async pruneBefore(cutoff: string): Promise<number> {
    const result = await this.db.deleteFrom('events').where('created_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

