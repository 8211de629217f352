import { byPosition } from '../../db/array-rows.js';
import { beginAction, endAction } from '../../db/busy.js';
import type { Database, Db } from '../../db/database.js';
import type { InstancesTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import { QueryShapes } from '../../db/query-shapes.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import { labelsJson } from '../../labels/store.js';
import { publicIpv4Of } from '../reserved-ips/queries.js';
import { attachedVolumeIdsJson } from '../volumes/queries.js';
import type { LabelSelector, Requirement } from '../../labels/selector.js';
import type { InstanceStatus } from './lifecycle.js';

export type InstanceRow = InstancesTable;

/** What the API shows of an instance: the row without its user_data (up to 64 KiB), owner and running action. */
export const SHOWN_COLUMNS = ['id', 'name', 'region', 'plan', 'image', 'status', 'cpu', 'memory_gb', 'ipv4', 'ssh_key_ids', 'network_id', 'protect_delete', 'protect_rebuild', 'created_at', 'updated_at'] as const;
export type ShownInstanceRow = Pick<InstanceRow, (typeof SHOWN_COLUMNS)[number]>;
export type ListedInstanceRow = ShownInstanceRow & { labels: string; volume_ids: string; public_ipv4: string | null };
/** A list row's columns in select order. */
const LISTED_COLUMNS = [...SHOWN_COLUMNS, 'labels', 'volume_ids', 'public_ipv4'] as const;

export interface InstanceFilters {
  region?: string;
  status?: string;
  name?: string;
  /** The caller's region allowlist; null means every region. */
  regions: readonly string[] | null;
  selector: LabelSelector;
}

interface ListArgs {
  accountId: string;
  filters: InstanceFilters;
  page: PageRequest;
}

/** The list query's shapes, per database (each compiles its own SQL). */
const listShapes = new WeakMap<Db, QueryShapes<ListArgs, Requirement['operator'][]>>();

function listQuery(db: Db, kind: Database['kind'], { accountId, filters, page }: ListArgs, operators: Requirement['operator'][]) {
  // The operators come apart from the selector's keys and values (see QueryShapes).
  const selector = filters.selector.map((requirement, i) => ({ ...requirement, operator: operators[i] }) as Requirement);
  const query = db
    .selectFrom('instances')
    .select(SHOWN_COLUMNS)
    .select([labelsJson(kind, 'instances.id').as('labels'), attachedVolumeIdsJson(kind, 'instances.id').as('volume_ids'), publicIpv4Of('instances.id').as('public_ipv4')])
    .where('account_id', '=', accountId)
    .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
    .$if(filters.status !== undefined, (q) => q.where('status', '=', filters.status as string))
    .$if(filters.name !== undefined, (q) => q.where('name', '=', filters.name as string))
    .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
    .where((eb) => matchesLabelSelector(eb, 'instances.id', selector));
  return pageNewestFirst(query, page);
}

export class InstancesStore {
  constructor(private readonly db: Db) {}

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('instances').select('id').execute()).map((r) => r.id));
  }

  async insert(row: InstanceRow): Promise<void> {
    await this.db.insertInto('instances').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<InstanceRow | undefined> {
    return this.db.selectFrom('instances').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /**
   * The instance, its row locked on PostgreSQL until the transaction ends: a delete that began
   * first has committed by the time this answers, and one that begins later waits for it.
   */
  async lock(kind: Database['kind'], accountId: string, id: string): Promise<InstanceRow | undefined> {
    return this.db
      .selectFrom('instances')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .$if(kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  /** A PATCH's write: the new name and protection flags, where given, and the time of the change. */
  async patch(id: string, changes: { name?: string; protect_delete?: number; protect_rebuild?: number }, at: string): Promise<void> {
    await this.db.updateTable('instances').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
  }

  /**
   * Newest first, each row with its labels and attached volume ids (JSON text), in one statement
   * compiled once per shape, its rows read as arrays (the hot path of every instance list).
   */
  async list(accountId: string, filters: InstanceFilters, page: PageRequest, { kind, arrayRows }: Pick<Database, 'kind' | 'arrayRows'>): Promise<ListedInstanceRow[]> {
    let shapes = listShapes.get(this.db);
    if (shapes === undefined) {
      const db = this.db;
      shapes = new QueryShapes((args: ListArgs, operators: Requirement['operator'][]) => listQuery(db, kind, args, operators));
      listShapes.set(db, shapes);
    }
    const query = shapes.compile({ accountId, filters, page }, filters.selector.map((requirement) => requirement.operator));
    return byPosition(LISTED_COLUMNS, await arrayRows(query)) as ListedInstanceRow[];
  }

  /** Makes `actionId` the instance's one running action, if it is idle and in one of `from`. */
  begin(accountId: string, id: string, actionId: string, from: readonly InstanceStatus[], during: InstanceStatus | null, at: string): Promise<boolean> {
    return beginAction(this.db, 'instances', accountId, id, actionId, from, during, at);
  }

  /** Ends the instance's running action with these changes; false if another action holds it. */
  end(id: string, actionId: string, changes: Partial<Pick<InstanceRow, 'status' | 'ipv4' | 'plan' | 'cpu' | 'memory_gb' | 'image'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'instances', id, actionId, changes, at);
  }

  /** A rebuild's new image, written when it starts (what makes that image busy, see buildingFrom). */
  async setImage(id: string, image: string): Promise<void> {
    await this.db.updateTable('instances').set({ image }).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('instances').where('id', '=', id).execute();
  }

  /** Which of `ids` are instances of the account. */
  async ownedIds(accountId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('instances').select('id').where('account_id', '=', accountId).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The account's instances in a VPC (through their network): those among `ids`, or matching `selector`. */
  async inVpc(accountId: string, vpcId: string, target: { ids: string[] | null; selector: LabelSelector }): Promise<{ id: string; ipv4: string | null }[]> {
    return this.db
      .selectFrom('instances')
      .innerJoin('networks', 'networks.id', 'instances.network_id')
      .select(['instances.id', 'instances.ipv4'])
      .where('instances.account_id', '=', accountId)
      .where('networks.vpc_id', '=', vpcId)
      .$if(target.ids !== null, (q) => q.where('instances.id', 'in', target.ids as string[]))
      .$if(target.ids === null, (q) => q.where((eb) => matchesLabelSelector(eb, 'instances.id', target.selector)))
      .orderBy('instances.id')
      .execute();
  }

  async buildingFrom(image: string): Promise<string[]> {
    const rows = await this.db.selectFrom('instances').select('id').where('image', '=', image).where('status', 'in', ['provisioning', 'rebuilding']).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async findById(id: string): Promise<InstanceRow | undefined> {
    return this.db.selectFrom('instances').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every instance that has an address, across accounts (what firewall enforcement works from). */
  async addressed(): Promise<Pick<InstanceRow, 'id' | 'account_id' | 'ipv4'>[]> {
    return this.db.selectFrom('instances').select(['id', 'account_id', 'ipv4']).where('ipv4', 'is not', null).orderBy('id').execute();
  }
}
