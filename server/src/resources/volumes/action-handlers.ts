// What each volume action does: the storage driver call, then the resource's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { StorageDriver } from '../../drivers/storage-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { EventType } from '../events/types.js';
import { LabelsStore } from '../../labels/store.js';
import type { VolumeStatus } from './lifecycle.js';
import { VolumesStore, type VolumeRow } from './store.js';

interface Params {
  previous_status: VolumeStatus;
  instance_id?: string;
  size_gb?: number;
}

export function volumeActionHandlers(db: Db, driver: StorageDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;
  const now = () => storedTime(clock());
  const volume = async (action: ActionRow): Promise<VolumeRow> => {
    const row = await new VolumesStore(db).findById(action.resource_id);
    if (!row) throw new DriverError(`volume ${action.resource_id} no longer exists`, false);
    return row;
  };
  const system = (action: ActionRow) => systemOrigin(action.account_id);
  /** Ends the action on the volume, records the status it leaves, and `outcome` if given. */
  const endVolume = async (trx: Db, action: ActionRow, changes: Parameters<VolumesStore['end']>[2], outcome?: [EventType, object]) => {
    const before = await new VolumesStore(trx).findById(action.resource_id);
    await new VolumesStore(trx).end(action.resource_id, action.id, changes, now());
    if (outcome) await events.record(trx, system(action), outcome[0], action.resource_id, { ...outcome[1], action_id: action.id });
    if (before && changes.status !== undefined) {
      await events.statusChanged(trx, system(action), 'volume.status_changed', action.resource_id, { previous: before.status, status: changes.status }, { action_id: action.id });
    }
  };
  const removeVolume = async (trx: Db, action: ActionRow) => {
    await new LabelsStore(trx).remove(action.resource_id);
    await new VolumesStore(trx).remove(action.resource_id);
    await events.record(trx, system(action), 'volume.deleted', action.resource_id, { action_id: action.id });
  };
  const volumeBack = (trx: Db, action: ActionRow) => endVolume(trx, action, { status: params(action).previous_status });

  return {
    'volume.create': {
      async perform(action) {
        const row = await volume(action);
        await driver.createVolume({ volumeId: row.id, name: row.name, sizeGb: row.size_gb, filesystem: row.filesystem as 'ext4', snapshotId: row.snapshot_id });
      },
      succeed: (trx, action) => endVolume(trx, action, { status: 'available' }),
      fail: removeVolume,
    },
    'volume.attach': {
      perform: (action) => driver.attach(action.resource_id, params(action).instance_id as string),
      succeed: (trx, action) => endVolume(trx, action, { status: 'attached', instance_id: params(action).instance_id }, ['volume.attached', { instance_id: params(action).instance_id }]),
      fail: volumeBack,
    },
    'volume.detach': {
      perform: (action) => driver.detach(action.resource_id, params(action).instance_id as string),
      succeed: (trx, action) => endVolume(trx, action, { status: 'available', instance_id: null }, ['volume.detached', { instance_id: params(action).instance_id }]),
      fail: volumeBack,
    },
    'volume.resize': {
      perform: (action) => driver.resizeVolume(action.resource_id, params(action).size_gb as number),
      succeed: (trx, action) => endVolume(trx, action, { size_gb: params(action).size_gb }, ['volume.resized', { size_gb: params(action).size_gb }]),
      fail: volumeBack,
    },
    'volume.delete': {
      perform: (action) => driver.deleteVolume(action.resource_id),
      succeed: removeVolume,
      fail: volumeBack,
    },
  };
}
