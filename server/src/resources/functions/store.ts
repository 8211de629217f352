import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { FunctionsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';

export type FunctionRow = FunctionsTable;
/** What a deploy (create or PUT) sets. */
export type Deployed = Pick<FunctionRow, 'runtime' | 'handler' | 'memory_mb' | 'timeout_s' | 'max_concurrency' | 'environment' | 'network_id' | 'version' | 'source_sha256' | 'source_bytes'>;

export class FunctionsStore {
  constructor(private readonly db: Db) {}

  async insert(row: FunctionRow): Promise<void> {
    await this.db.insertInto('functions').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<FunctionRow | undefined> {
    return this.db.selectFrom('functions').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<FunctionRow | undefined> {
    return this.db.selectFrom('functions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: { region?: string; regions: readonly string[] | null; selector: LabelSelector }, page: PageRequest): Promise<FunctionRow[]> {
    const query = this.db
      .selectFrom('functions')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'functions.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  begin(accountId: string, id: string, actionId: string, from: readonly string[], during: string | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'functions', accountId, id, actionId, from, during, at);
  }

  /** A PATCH's write: the new name, if any (labels live in their own table). */
  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('functions').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  /** A PUT's write, once it holds the action slot: the new version's settings, deploying. */
  async redeploy(id: string, deployed: Deployed, at: string): Promise<void> {
    await this.db.updateTable('functions').set({ ...deployed, error: null, updated_at: at }).where('id', '=', id).execute();
  }

  end(id: string, actionId: string, changes: Partial<Pick<FunctionRow, 'status' | 'error'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'functions', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('function_invocations').where('function_id', '=', id).execute();
    await this.db.deleteFrom('functions').where('id', '=', id).execute();
  }
}
