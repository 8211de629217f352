import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import type { ImagesTable } from '../../db/tables.js';

export type ImageRow = ImagesTable;

export class ImagesStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('images').select('id').execute()).map((r) => r.id));
  }

  async insert(row: ImageRow): Promise<void> {
    await this.db.insertInto('images').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<ImageRow | undefined> {
    return this.db.selectFrom('images').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<ImageRow | undefined> {
    return this.db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Up to `limit` of the account's images after `afterId`, by id (the order the OS images share). */
  async page(accountId: string, regions: readonly string[] | null, afterId: string | null, limit: number): Promise<ImageRow[]> {
    return this.db
      .selectFrom('images')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(regions !== null, (q) => q.where('region', 'in', regions as string[]))
      .$if(afterId !== null, (q) => q.where('id', '>', afterId as string))
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** A snapshot's outcome: the image is `available` with its size, or `errored`. */
  async settle(id: string, changes: Pick<ImageRow, 'status'> & Partial<Pick<ImageRow, 'size_gb'>>, at: string): Promise<void> {
    await this.db.updateTable('images').set({ ...changes, updated_at: at }).where('id', '=', id).where('status', '=', 'creating').execute();
  }

  begin(accountId: string, id: string, actionId: string, from: readonly string[], during: string | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'images', accountId, id, actionId, from, during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<ImageRow, 'status'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'images', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('images').where('id', '=', id).execute();
  }
}
