// Reserved IPs: allocation from the shared pool, quotas, tenancy, and the assign/unassign lifecycle.
import { apiTime, storedTime } from '../../clock.js';
import type { Db, Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { Operations, type Accepted } from '../actions/operations.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import { regions } from '../catalog/catalogs.js';
import type { Caller } from '../events/origin.js';
import { findInstance, lockInstance } from '../instances/queries.js';
import type { Context } from '../module.js';
import { applyPatch } from '../patch.js';
import type { LabelsPatch } from '../../labels/merge-patch.js';
import { illegalReservedIpTransition, RESERVED_IP_TRANSITIONS, type ReservedIpOperation, type ReservedIpStatus } from './lifecycle.js';
import { reserve } from './pool.js';
import { ReservedIpsStore, type ReservedIpRow } from './store.js';

export interface ReservedIp {
  id: string;
  ip: string;
  region: string;
  instance_id: string | null;
  status: ReservedIpStatus;
  labels: Record<string, string>;
  created_at: string;
}

export interface ReservedIpQuery {
  region?: string;
  instance_id?: string;
  label_selector?: string;
  limit?: number;
  cursor?: string;
}

export class ReservedIpsService {
  private readonly operations: Operations;

  constructor(private readonly context: Pick<Context, 'actions' | 'clock' | 'config' | 'database' | 'events' | 'poke'>) {
    this.operations = new Operations(context);
  }

  async list(caller: AuthContext, query: ReservedIpQuery, cursors: Cursors): Promise<Page<ReservedIp>> {
    const request = cursors.request('reserved_ips', query);
    const selector = parseLabelSelector(query.label_selector ?? '');
    const rows = await new ReservedIpsStore(this.context.database.db).list(caller.accountId, { region: query.region, instance_id: query.instance_id, regions: caller.regions, selector }, request);
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('reserved_ips', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<ReservedIp> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  async create(caller: Caller, input: { region: string; labels?: Record<string, string> }, within: Within<ReservedIp>): Promise<ReservedIp> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const known = regions.find(input.region);
    if (!known) throw validationFailed([{ field: 'region', message: 'Invalid region identifier' }]);
    if (!known.available) throw validationFailed([{ field: 'region', message: 'Region is not accepting new resources' }]);
    assertRegionAccess(caller, input.region);
    return this.context.database.db.transaction().execute(async (trx) => {
      const { database, config, clock } = this.context;
      const row = await reserve(trx, database.kind, config.publicIpPool, clock, { accountId: caller.accountId, region: input.region });
      const reservedIp = present(row, input.labels ?? {});
      await new LabelsStore(trx).replace(row.id, input.labels ?? {});
      await this.context.events.record(trx, caller, 'reserved_ip.created', row.id, reservedIp);
      await within(trx, reservedIp);
      return reservedIp;
    });
  }

  async operate(caller: Caller, id: string, operation: ReservedIpOperation, args: { instance_id?: string } = {}): Promise<Accepted<ReservedIpStatus>> {
    const row = await this.owned(caller, id);
    const target = operation === 'assign' ? await this.assignTarget(caller, row, args.instance_id as string) : null;
    const params = { previous_status: row.status, previous_instance_id: row.instance_id, instance_id: target ?? row.instance_id };
    const transition = RESERVED_IP_TRANSITIONS[operation];
    try {
      return await this.operations.start({
        caller,
        resourceType: 'reserved_ip',
        resource: { id, status: row.status as ReservedIpStatus },
        type: operation,
        transition,
        params,
        events: { requested: operation === 'assign' ? 'reserved_ip.assign_requested' : 'reserved_ip.unassign_requested', statusChanged: 'reserved_ip.status_changed' },
        begin: async (trx, actionId) => {
          if (target !== null) await this.assertAlive(trx, caller, target);
          return new ReservedIpsStore(trx).begin(caller.accountId, id, actionId, transition.from, target, storedTime(this.context.clock()));
        },
        whyNot: async () => {
          const now = await this.owned(caller, id);
          if (now.action_id !== null) return apiError('resource_busy', `Reserved IP is busy with action ${now.action_id}; retry when it completes`);
          return illegalReservedIpTransition(operation, now.status);
        },
      });
    } catch (error) {
      if (target !== null && isUniqueViolation(error)) throw instanceHasOne(target);
      throw error;
    }
  }

  /** A merge-patch of the labels; no action, whatever the address is doing. */
  async update(caller: Caller, id: string, patch: { labels?: LabelsPatch }): Promise<ReservedIp> {
    await this.owned(caller, id);
    await applyPatch(this.context, caller, { id, event: 'reserved_ip.updated', labelled: true, save: (trx, _changes, at) => new ReservedIpsStore(trx).touch(id, at) }, patch);
    return this.get(caller, id);
  }

  /** Releases the address to the pool. An assigned one is refused: unassign it first, so no route is left behind. */
  async delete(caller: Caller, id: string): Promise<void> {
    const row = await this.owned(caller, id);
    if (row.action_id !== null) throw apiError('resource_busy', `Reserved IP is busy with action ${row.action_id}; retry when it completes`);
    if (row.instance_id !== null) throw apiError('has_dependents', `Reserved IP is assigned to ${row.instance_id}; unassign it first`);
    await this.context.database.db.transaction().execute(async (trx) => {
      await new LabelsStore(trx).remove(id);
      await new ReservedIpsStore(trx).remove(id);
      await this.context.events.record(trx, caller, 'reserved_ip.deleted', id, {});
    });
  }

  /** The caller's reserved IP: another account's is a 404; one outside the key's regions is a 403. */
  private async owned(caller: AuthContext, id: string): Promise<ReservedIpRow> {
    const row = await new ReservedIpsStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Reserved IP ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private async assignTarget(caller: AuthContext, reservedIp: ReservedIpRow, instanceId: string): Promise<string> {
    const instance = await findInstance(this.context.database.db, caller.accountId, instanceId);
    if (!instance) throw validationFailed([{ field: 'instance_id', message: `Unknown instance ${instanceId}` }]);
    if (instance.region !== reservedIp.region) {
      throw validationFailed([{ field: 'instance_id', message: `Instance is in ${instance.region}; the reserved IP is in ${reservedIp.region}` }]);
    }
    if (reservedIp.instance_id === instanceId) throw apiError('already_in_state', `Reserved IP is already assigned to ${instanceId}`);
    return instanceId;
  }

  /**
   * Inside the assign's transaction, with the instance's row locked: a delete that raced the checks
   * above has either finished (the instance is gone) or must wait until the address points at it,
   * and then releases it like any other.
   */
  private async assertAlive(trx: Db, caller: AuthContext, instanceId: string): Promise<void> {
    const instance = await lockInstance(trx, this.context.database.kind, caller.accountId, instanceId);
    if (!instance) throw validationFailed([{ field: 'instance_id', message: `Unknown instance ${instanceId}` }]);
    if (instance.status === 'deleting') throw apiError('invalid_state', `Instance ${instanceId} is being deleted`);
  }
}

function instanceHasOne(instanceId: string) {
  return apiError('public_ip_taken', `Instance ${instanceId} already has a reserved IP; unassign that one first`, [{ field: 'instance_id', message: 'Already has a reserved IP' }]);
}

function present(row: ReservedIpRow, labels: Record<string, string>): ReservedIp {
  return {
    id: row.id,
    ip: row.ip,
    region: row.region,
    instance_id: row.instance_id,
    status: row.status as ReservedIpStatus,
    labels,
    created_at: apiTime(row.created_at),
  };
}
