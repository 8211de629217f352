import { sql, type RawBuilder } from 'kysely';
import { endAction } from '../../db/busy.js';
import type { Database, Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { ReservedIpsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';
import { matchesLabelSelector } from '../../labels/filter.js';
import type { LabelSelector } from '../../labels/selector.js';
import type { ReservedIpStatus } from './lifecycle.js';

export type ReservedIpRow = ReservedIpsTable;

export interface ReservedIpFilters {
  region?: string;
  instance_id?: string;
  regions: readonly string[] | null;
  selector: LabelSelector;
}

/** Any fixed number: it names the pool's lock among the database's advisory locks. */
const POOL_LOCK = 0x52495073;

export class ReservedIpsStore {
  constructor(private readonly db: Db) {}

  /**
   * On PostgreSQL, queues the transaction behind any other allocating from the pool (released at
   * its end); SQLite runs one write transaction at a time already.
   */
  async lockPool(kind: Database['kind']): Promise<void> {
    if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${POOL_LOCK})`.execute(this.db);
  }

  /** Every address handed out, across accounts: the pool is shared. */
  async takenIps(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('reserved_ips').select('ip').execute()).map((r) => r.ip));
  }

  async insert(row: ReservedIpRow): Promise<void> {
    await this.db.insertInto('reserved_ips').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<ReservedIpRow | undefined> {
    return this.db.selectFrom('reserved_ips').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<ReservedIpRow | undefined> {
    return this.db.selectFrom('reserved_ips').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row on PostgreSQL until the transaction ends (SQLite has one writer anyway). */
  async lock(kind: Database['kind'], id: string): Promise<void> {
    await this.db.selectFrom('reserved_ips').select('id').where('id', '=', id).$if(kind === 'postgres', (q) => q.forUpdate()).execute();
  }

  async heldBy(instanceId: string): Promise<ReservedIpRow | undefined> {
    return this.db.selectFrom('reserved_ips').selectAll().where('instance_id', '=', instanceId).executeTakeFirst();
  }

  /** Every assigned address and its instance, across accounts (what a real driver routes at start). */
  async routes(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('reserved_ips').select(['ip', 'instance_id']).where('instance_id', 'is not', null).execute();
    return new Map(rows.map((r) => [r.ip, r.instance_id as string]));
  }

  /** The public address of each of these instances that has one. */
  async addressesOf(instanceIds: string[]): Promise<Map<string, string>> {
    if (instanceIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('reserved_ips').select(['ip', 'instance_id']).where('instance_id', 'in', instanceIds).execute();
    return new Map(rows.map((r) => [r.instance_id as string, r.ip]));
  }

  async list(accountId: string, filters: ReservedIpFilters, page: PageRequest): Promise<ReservedIpRow[]> {
    const query = this.db
      .selectFrom('reserved_ips')
      .selectAll()
      .where('account_id', '=', accountId)
      .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region as string))
      .$if(filters.instance_id !== undefined, (q) => q.where('instance_id', '=', filters.instance_id as string))
      .$if(filters.regions !== null, (q) => q.where('region', 'in', filters.regions as string[]))
      .where((eb) => matchesLabelSelector(eb, 'reserved_ips.id', filters.selector));
    return pageNewestFirst(query, page).execute();
  }

  /**
   * Takes the row's action slot, as beginAction does, and points it at `instanceId` at once: the
   * unique instance_id then refuses a second address for that instance in the same statement.
   */
  async begin(accountId: string, id: string, actionId: string, from: readonly ReservedIpStatus[], instanceId: string | null, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('reserved_ips')
      .set((eb) => ({ action_id: actionId, instance_id: instanceId ?? eb.ref('instance_id'), updated_at: at }))
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('action_id', 'is', null)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  end(id: string, actionId: string, changes: Partial<Pick<ReservedIpRow, 'status' | 'instance_id' | 'release_with_instance'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'reserved_ips', id, actionId, changes, at);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('reserved_ips').set({ updated_at: at }).where('id', '=', id).execute();
  }

  /** An instance is gone: whatever address it still held routes nowhere now. */
  async unassignFrom(instanceId: string, at: string): Promise<void> {
    await this.db.updateTable('reserved_ips').set({ instance_id: null, status: 'unassigned', updated_at: at }).where('instance_id', '=', instanceId).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('reserved_ips').where('id', '=', id).execute();
  }
}

/** The public address routed to the outer query's row `instanceIdColumn`, or NULL. */
export function publicIpv4Of(instanceIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(select reserved_ips.ip from reserved_ips where reserved_ips.instance_id = ${sql.ref(instanceIdColumn)})`;
}
