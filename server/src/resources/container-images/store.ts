import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { ContainerImagesTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type ContainerImageRow = ContainerImagesTable;

export class ContainerImagesStore {
  constructor(private readonly db: Db) {}

  async insert(row: ContainerImageRow): Promise<void> {
    await this.db.insertInto('container_images').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<ContainerImageRow | undefined> {
    return this.db.selectFrom('container_images').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async named(accountId: string, region: string, name: string): Promise<ContainerImageRow | undefined> {
    return this.db.selectFrom('container_images').selectAll().where('account_id', '=', accountId).where('region', '=', region).where('name', '=', name).executeTakeFirst();
  }

  /** Newest first. */
  async list(accountId: string, filters: { region?: string; regions: readonly string[] | null }, page: PageRequest): Promise<ContainerImageRow[]> {
    const query = this.db
      .selectFrom('container_images')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]));
    return pageNewestFirst(query, page).execute();
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('container_images').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Every id, across accounts (what the host's image files are checked against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('container_images').select('id').execute()).map((r) => r.id));
  }
}
