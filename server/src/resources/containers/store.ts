import { beginAction, endAction } from '../../db/busy.js';
import type { Database, Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { ContainersTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';
import { labelsJson } from '../../labels/store.js';
import type { ContainerStatus } from './lifecycle.js';

export type ContainerRow = ContainersTable;
export type ListedContainerRow = ContainerRow & { labels: string };

export interface ContainerFilters {
  region?: string;
  status?: string;
  /** The caller's region allowlist; null means every region. */
  regions: readonly string[] | null;
  selector: LabelSelector;
}

export class ContainersStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('containers').select('id').execute()).map((r) => r.id));
  }

  async insert(row: ContainerRow): Promise<void> {
    await this.db.insertInto('containers').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<ContainerRow | undefined> {
    return this.db.selectFrom('containers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<ContainerRow | undefined> {
    return this.db.selectFrom('containers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first, each row with its labels (JSON text), in one statement. */
  async list(accountId: string, filters: ContainerFilters, page: PageRequest, kind: Database['kind']): Promise<ListedContainerRow[]> {
    const query = this.db
      .selectFrom('containers')
      .selectAll()
      .select(labelsJson(kind, 'containers.id').as('labels'))
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'containers.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  async patch(id: string, changes: { name?: string }, at: string): Promise<void> {
    await this.db.updateTable('containers').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  begin(accountId: string, id: string, actionId: string, from: readonly ContainerStatus[], during: ContainerStatus | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'containers', accountId, id, actionId, from, during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<ContainerRow, 'status'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'containers', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('containers').where('id', '=', id).execute();
  }

  /** The containers (any account's: the image is one account's anyway) that run `imageId`. */
  async usingImage(imageId: string): Promise<string[]> {
    return (await this.db.selectFrom('containers').select('id').where('image_id', '=', imageId).orderBy('id').execute()).map((r) => r.id);
  }
}
