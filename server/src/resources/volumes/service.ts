// Volumes: validation, quotas, tenancy, and the attach/detach/resize/delete lifecycle.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import type { EventType } from '../events/types.js';
import { checkQuota } from '../accounts/quotas.js';
import { Operations, type Accepted } from '../actions/operations.js';
import { ActionsService } from '../actions/service.js';
import { regions } from '../catalog/catalogs.js';
import { findInstance } from '../instances/queries.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { findSnapshot } from '../snapshots/queries.js';
import { illegalVolumeTransition, VOLUME_TRANSITIONS, type VolumeOperation, type VolumeStatus } from './lifecycle.js';
import { VolumesStore, type VolumeRow } from './store.js';
import type { ApiError, ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { assertNotProtected, presentProtection, protectionChanges, protectionColumns, type Protection } from '../protection.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';

export interface Volume {
  id: string;
  name: string;
  region: string;
  size_gb: number;
  filesystem: 'ext4' | 'xfs' | 'none';
  status: VolumeStatus;
  instance_id: string | null;
  snapshot_id: string | null;
  labels: Record<string, string>;
  protection: Protection;
  created_at: string;
  updated_at: string;
}

export interface NewVolume {
  name: string;
  region?: string;
  size_gb?: number;
  filesystem?: 'ext4' | 'xfs' | 'none';
  snapshot_id?: string;
  labels?: Record<string, string>;
  protection?: Partial<Protection>;
}

export interface VolumeQuery {
  region?: string;
  attachment_state?: 'attached' | 'detached';
  instance_id?: string;
  label_selector?: string;
  limit?: number;
  cursor?: string;
}

export type VolumeAccepted = Accepted<VolumeStatus>;

const REQUESTED: Record<VolumeOperation, EventType> = {
  attach: 'volume.attach_requested',
  detach: 'volume.detach_requested',
  resize: 'volume.resize_requested',
  delete: 'volume.delete_requested',
};

export class VolumesService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
  ) {
    this.operations = new Operations(context);
  }

  async list(caller: AuthContext, query: VolumeQuery, cursors: Cursors): Promise<Page<Volume>> {
    const request = cursors.request('volumes', query);
    const selector = parseLabelSelector(query.label_selector ?? '');
    const { region, attachment_state, instance_id } = query;
    const rows = await new VolumesStore(this.context.database.db).list(caller.accountId, { region, attachment_state, instance_id, regions: caller.regions, selector }, request);
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('volumes', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<Volume> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  async create(caller: Caller, input: NewVolume, within: Within<Volume>): Promise<Volume> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const { region, sizeGb } = await this.resolvePlacement(caller, input);
    const now = storedTime(this.context.clock());
    const actionId = ActionsService.newId();
    const row: VolumeRow = {
      id: newId('vol'),
      account_id: caller.accountId,
      name: input.name,
      region,
      size_gb: sizeGb,
      filesystem: input.filesystem ?? 'ext4',
      status: 'creating',
      instance_id: null,
      snapshot_id: input.snapshot_id ?? null,
      action_id: actionId,
      ...protectionColumns(input.protection),
      created_at: now,
      updated_at: now,
    };
    const volume = present(row, input.labels ?? {});
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { volumes: 1, volume_gb: sizeGb });
        await new VolumesStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'volume', resourceId: row.id }, actionId);
        await this.context.events.record(trx, caller, 'volume.created', row.id, { ...volume, action_id: actionId });
        await within(trx, volume);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, region);
      throw error;
    }
    this.context.poke();
    return volume;
  }

  async operate(caller: Caller, id: string, operation: VolumeOperation, args: { instance_id?: string; size_gb?: number } = {}): Promise<VolumeAccepted> {
    const row = await this.owned(caller, id);
    if (operation === 'delete') assertNotProtected('Volume', row, 'delete');
    const params: Record<string, unknown> = { previous_status: row.status };
    if (operation === 'attach') params.instance_id = await this.attachTarget(caller, row, args.instance_id as string);
    if (operation === 'detach') params.instance_id = row.instance_id;
    if (operation === 'resize') {
      const size = args.size_gb as number;
      if (size < row.size_gb) throw validationFailed([{ field: 'size_gb', message: `Volumes only grow: ${size} GB is less than the current ${row.size_gb} GB` }]);
      if (size === row.size_gb) throw apiError('already_in_state', `Volume is already ${size} GB`);
      await checkQuota(this.context.database.db, this.context.database.kind, caller.accountId, { volume_gb: size - row.size_gb });
      params.size_gb = size;
    }
    const transition = VOLUME_TRANSITIONS[operation];
    return this.operations.start({
      caller,
      resourceType: 'volume',
      resource: { id, status: row.status as VolumeStatus },
      type: operation,
      transition,
      params,
      events: { requested: REQUESTED[operation], statusChanged: 'volume.status_changed' },
      begin: (trx, actionId) => new VolumesStore(trx).begin(caller.accountId, id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      whyNot: async () => {
        const now = await this.owned(caller, id);
        if (now.action_id !== null) return apiError('resource_busy', `Volume is busy with action ${now.action_id}; retry when it completes`);
        return illegalVolumeTransition(operation, now.status, now.instance_id);
      },
    });
  }

  /** A merge-patch of the name and labels; no action, whatever the volume is doing. */
  async update(caller: Caller, id: string, patch: NameAndLabelsPatch & { protection?: Partial<Protection> }): Promise<Volume> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'volume.updated',
      labelled: true,
      // Protection merges flag by flag: one the patch leaves out keeps its value.
      save: (trx, { protection, ...changes }, at) => new VolumesStore(trx).patch(id, { ...changes, ...(protection ? protectionChanges(protection) : {}) }, at),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  /** The caller's volume: another account's is a 404; one outside the key's regions is a 403. */
  async owned(caller: AuthContext, id: string): Promise<VolumeRow> {
    const row = await new VolumesStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Volume ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private async attachTarget(caller: AuthContext, volume: VolumeRow, instanceId: string): Promise<string> {
    const instance = await findInstance(this.context.database.db, caller.accountId, instanceId);
    if (!instance) throw validationFailed([{ field: 'instance_id', message: `Unknown instance ${instanceId}` }]);
    if (instance.region !== volume.region) {
      throw validationFailed([{ field: 'instance_id', message: `Instance is in ${instance.region}; the volume is in ${volume.region}` }]);
    }
    if (volume.instance_id === instanceId) throw apiError('already_in_state', `Volume is already attached to ${instanceId}`);
    if (instance.status === 'deleting') throw apiError('invalid_state', `Instance ${instanceId} is being deleted`);
    return instanceId;
  }

  /** Region and size of a new volume: given, or taken from the snapshot it restores. */
  private async resolvePlacement(caller: AuthContext, input: NewVolume): Promise<{ region: string; sizeGb: number }> {
    const problems: ErrorDetail[] = [];
    let region = input.region;
    let sizeGb = input.size_gb;
    if (input.snapshot_id !== undefined) {
      const snapshot = await findSnapshot(this.context.database.db, caller.accountId, input.snapshot_id);
      if (!snapshot || snapshot.status !== 'available') {
        problems.push({ field: 'snapshot_id', message: snapshot ? 'Snapshot is not available yet' : 'Unknown snapshot' });
      } else {
        if (region !== undefined && region !== snapshot.region) problems.push({ field: 'region', message: `A restore stays in the snapshot's region, ${snapshot.region}` });
        if (sizeGb !== undefined && sizeGb < snapshot.size_gb) problems.push({ field: 'size_gb', message: `Must be at least the snapshot's ${snapshot.size_gb} GB` });
        region = snapshot.region;
        sizeGb ??= snapshot.size_gb;
      }
    } else {
      if (region === undefined) problems.push({ field: 'region', message: 'Required unless restoring a snapshot' });
      if (sizeGb === undefined) problems.push({ field: 'size_gb', message: 'Required unless restoring a snapshot' });
    }
    if (region !== undefined) {
      const known = regions.find(region);
      if (!known) problems.push({ field: 'region', message: 'Invalid region identifier' });
      else if (!known.available) problems.push({ field: 'region', message: 'Region is not accepting new resources' });
    }
    if (problems.length > 0 || region === undefined || sizeGb === undefined) throw validationFailed(problems);
    assertRegionAccess(caller, region);
    return { region, sizeGb };
  }
}

function nameTaken(name: string, region: string): ApiError {
  return apiError('name_taken', `A volume named ${name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}

function present(row: VolumeRow, labels: Record<string, string>): Volume {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    size_gb: row.size_gb,
    filesystem: row.filesystem as Volume['filesystem'],
    status: row.status as VolumeStatus,
    instance_id: row.instance_id,
    snapshot_id: row.snapshot_id,
    labels,
    protection: presentProtection(row),
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
