import { beginAction, endAction } from '../../db/busy.js';
import { sql, type RawBuilder } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { jsonArrayOf } from '../../db/json-aggregate.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { VolumesTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';
import type { VolumeStatus } from './lifecycle.js';

export type VolumeRow = VolumesTable;

export interface VolumeFilters {
  region?: string;
  attachment_state?: 'attached' | 'detached';
  instance_id?: string;
  regions: readonly string[] | null;
  selector: LabelSelector;
}

export class VolumesStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('volumes').select('id').execute()).map((r) => r.id));
  }

  async insert(row: VolumeRow): Promise<void> {
    await this.db.insertInto('volumes').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<VolumeRow | undefined> {
    return this.db.selectFrom('volumes').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<VolumeRow | undefined> {
    return this.db.selectFrom('volumes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(accountId: string, filters: VolumeFilters, page: PageRequest): Promise<VolumeRow[]> {
    const query = this.db
      .selectFrom('volumes')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.attachment_state === 'attached', (q) => q.where('instance_id', 'is not', null))
      .$if(filters.attachment_state === 'detached', (q) => q.where('instance_id', 'is', null))
      .$if(filters.instance_id !== undefined, (q) => q.where('instance_id', '=', filters.instance_id as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'volumes.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  /** Which of `ids` are volumes of the account. */
  async ownedIds(accountId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('volumes').select('id').where('account_id', '=', accountId).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The account's volumes among `ids`, or matching `selector` when ids is null. */
  async targets(accountId: string, ids: string[] | null, selector: LabelSelector): Promise<VolumeRow[]> {
    return this.db
      .selectFrom('volumes')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(ids !== null, (q) => q.where('id', 'in', ids as string[]))
      .$if(ids === null, (q) => q.where((eb) => matchesLabelSelector(eb, 'volumes.id', selector)))
      .execute();
  }

  /** Volume ids attached to each of these instances (every id present). */
  async attachedTo(instanceIds: string[]): Promise<Map<string, string[]>> {
    const byInstance = new Map(instanceIds.map((id) => [id, [] as string[]]));
    if (instanceIds.length === 0) return byInstance;
    const rows = await this.db.selectFrom('volumes').select(['id', 'instance_id']).where('instance_id', 'in', instanceIds).orderBy('id').execute();
    for (const row of rows) byInstance.get(row.instance_id as string)?.push(row.id);
    return byInstance;
  }

  begin(accountId: string, id: string, actionId: string, from: readonly VolumeStatus[], during: VolumeStatus | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'volumes', accountId, id, actionId, from, during, at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<VolumeRow, 'status' | 'instance_id' | 'size_gb'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'volumes', id, actionId, changes, at);
  }

  /** A PATCH's write: the new name and protection flags, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string; protect_delete?: number; protect_rebuild?: number }, at: string): Promise<void> {
    await this.db.updateTable('volumes').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('volumes').where('id', '=', id).execute();
  }
}

/** The ids of the volumes attached to the outer query's row `instanceIdColumn`, as a JSON array (parse it with parseJsonArray, which orders them). */
export function attachedVolumeIdsJson(kind: Database['kind'], instanceIdColumn: string): RawBuilder<string> {
  return jsonArrayOf(kind, 'volumes.id', sql`from volumes where volumes.instance_id = ${sql.ref(instanceIdColumn)}`);
}
