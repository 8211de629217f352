import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { FunctionInvocationsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type InvocationRow = FunctionInvocationsTable;

export class InvocationsStore {
  constructor(private readonly db: Db) {}

  async insert(row: InvocationRow): Promise<void> {
    await this.db.insertInto('function_invocations').values(row).execute();
  }

  async finish(id: string, changes: Pick<InvocationRow, 'status' | 'result' | 'error' | 'logs' | 'duration_ms' | 'billed_ms' | 'finished_at'>): Promise<void> {
    await this.db.updateTable('function_invocations').set(changes).where('id', '=', id).execute();
  }

  async find(functionId: string, id: string): Promise<InvocationRow | undefined> {
    return this.db.selectFrom('function_invocations').selectAll().where('function_id', '=', functionId).where('id', '=', id).executeTakeFirst();
  }

  async list(functionId: string, page: PageRequest): Promise<InvocationRow[]> {
    return pageNewestFirst(this.db.selectFrom('function_invocations').selectAll().where('function_id', '=', functionId), page).execute();
  }

  /** Marks running invocations started before `before` as lost (their node went away). */
  async abandon(before: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('function_invocations')
      .set({ status: 'error', error: JSON.stringify({ type: 'runtime_exited', message: 'The invocation was lost: the server running it stopped' }), finished_at: at })
      .where('status', '=', 'running')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
