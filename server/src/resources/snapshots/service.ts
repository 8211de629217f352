// Snapshots of volumes: taken and deleted through actions; restored by creating a volume from one.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import type { Db, Within } from '../../db/database.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller, EventOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { ActionsService } from '../actions/service.js';
import { Operations, type Operation } from '../actions/operations.js';
import { SNAPSHOT_TRANSITIONS, type SnapshotStatus } from './lifecycle.js';
import type { VolumesService } from '../volumes/service.js';
import type { VolumeRow } from '../volumes/queries.js';
import { SnapshotsStore, type SnapshotRow } from './store.js';
import { apiError, notFound } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { applyPatch } from '../patch.js';

export interface Snapshot {
  id: string;
  name: string;
  volume_id: string;
  region: string;
  size_gb: number;
  status: SnapshotStatus;
  created_at: string;
}

export class SnapshotsService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
    private readonly uses: { volumes: VolumesService },
  ) {
    this.operations = new Operations(context);
  }

  async create(caller: Caller, volumeId: string, name: string, within: Within<Snapshot>): Promise<Snapshot> {
    const volume = await this.uses.volumes.owned(caller, volumeId);
    if (volume.status === 'creating' || volume.status === 'deleting') throw apiError('invalid_state', `Cannot snapshot a volume that is ${volume.status}`);
    const snapshot = await this.context.database.db.transaction().execute(async (trx) => {
      const created = await enqueueSnapshot(trx, this.context.actions, this.context.clock, volume, name, null, this.context.events, caller);
      await within(trx, created);
      return created;
    });
    this.context.poke();
    return snapshot;
  }

  async list(caller: AuthContext, query: { volume_id?: string; region?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Snapshot>> {
    const request = cursors.request('snapshots', query);
    const rows = await new SnapshotsStore(this.context.database.db).list(caller.accountId, { volume_id: query.volume_id, region: query.region, regions: caller.regions }, request);
    return cursors.page('snapshots', request, rows, (r) => [r.created_at, r.id], present);
  }

  async get(caller: AuthContext, id: string): Promise<Snapshot> {
    return present(await this.owned(caller, id));
  }

  /** A new name; snapshots have no labels, and names may repeat. */
  async patch(caller: Caller, id: string, patch: { name?: string }): Promise<Snapshot> {
    await this.owned(caller, id);
    await applyPatch(this.context, caller, { id, event: 'snapshot.updated', labelled: false, save: (trx, changes, at) => new SnapshotsStore(trx).patch(id, changes, at) }, patch);
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string) {
    const row = await this.owned(caller, id);
    return this.operations.start({
      ...snapshotDeletion(row, caller, this.context.clock),
      whyNot: async () => {
        const now = await this.owned(caller, id);
        return apiError('resource_busy', `Cannot delete a snapshot that is ${now.status}${now.action_id ? ` (busy with ${now.action_id})` : ''}`);
      },
    });
  }

  private async owned(caller: AuthContext, id: string): Promise<SnapshotRow> {
    const row = await new SnapshotsStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Snapshot ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }
}

/** Records a snapshot of `volume` and queues the action that takes it, inside `trx`. */
export async function enqueueSnapshot(
  trx: Db,
  actions: ActionsService,
  clock: Clock,
  volume: VolumeRow,
  name: string,
  policyId: string | null,
  events: EventsRecorder,
  origin: EventOrigin,
): Promise<Snapshot> {
  const now = storedTime(clock());
  const actionId = ActionsService.newId();
  const row: SnapshotRow = {
    id: newId('snap'),
    account_id: volume.account_id,
    name,
    volume_id: volume.id,
    region: volume.region,
    size_gb: volume.size_gb,
    status: 'creating',
    action_id: actionId,
    backup_policy_id: policyId,
    created_at: now,
    updated_at: now,
  };
  await new SnapshotsStore(trx).insert(row);
  await actions.enqueue(trx, { accountId: volume.account_id, type: 'create', resourceType: 'snapshot', resourceId: row.id }, actionId);
  const snapshot = present(row);
  await events.record(trx, origin, 'snapshot.created', row.id, { ...snapshot, action_id: actionId });
  return snapshot;
}

/** Deleting an idle, available snapshot, asked by a caller or by a backup policy's retention. */
export function snapshotDeletion(row: SnapshotRow, origin: EventOrigin, clock: Clock): Omit<Operation<SnapshotStatus>, 'whyNot'> {
  const transition = SNAPSHOT_TRANSITIONS.delete;
  return {
    caller: origin,
    resourceType: 'snapshot',
    resource: { id: row.id, status: row.status as SnapshotStatus },
    type: 'delete',
    transition,
    events: { requested: 'snapshot.delete_requested', statusChanged: 'snapshot.status_changed' },
    begin: (trx, actionId) => new SnapshotsStore(trx).begin(origin.accountId, row.id, actionId, transition.from, transition.during, storedTime(clock())),
  };
}

function present(row: SnapshotRow): Snapshot {
  return {
    id: row.id,
    name: row.name,
    volume_id: row.volume_id,
    region: row.region,
    size_gb: row.size_gb,
    status: row.status as Snapshot['status'],
    created_at: apiTime(row.created_at),
  };
}
