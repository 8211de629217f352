// What each volume and snapshot action does: the storage driver call, then the resource's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { StorageDriver } from '../../drivers/storage-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../actions/store.js';
import { LabelsStore } from '../labels/store.js';
import { SnapshotsStore } from '../snapshots/store.js';
import type { VolumeStatus } from './lifecycle.js';
import { VolumesStore, type VolumeRow } from './store.js';

interface Params {
  previous_status: VolumeStatus;
  instance_id?: string;
  size_gb?: number;
}

export function storageActionHandlers(db: Db, driver: StorageDriver, clock: Clock): ActionHandlers {
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;
  const now = () => storedTime(clock());
  const volume = async (action: ActionRow): Promise<VolumeRow> => {
    const row = await new VolumesStore(db).findById(action.resource_id);
    if (!row) throw new DriverError(`volume ${action.resource_id} no longer exists`, false);
    return row;
  };
  const endVolume = async (trx: Db, action: ActionRow, changes: Parameters<VolumesStore['end']>[2]) => {
    await new VolumesStore(trx).end(action.resource_id, action.id, changes, now());
  };
  const removeVolume = async (trx: Db, action: ActionRow) => {
    await new LabelsStore(trx).remove(action.resource_id);
    await new VolumesStore(trx).remove(action.resource_id);
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
      succeed: (trx, action) => endVolume(trx, action, { status: 'attached', instance_id: params(action).instance_id }),
      fail: volumeBack,
    },
    'volume.detach': {
      perform: (action) => driver.detach(action.resource_id, params(action).instance_id as string),
      succeed: (trx, action) => endVolume(trx, action, { status: 'available', instance_id: null }),
      fail: volumeBack,
    },
    'volume.resize': {
      perform: (action) => driver.resizeVolume(action.resource_id, params(action).size_gb as number),
      succeed: (trx, action) => endVolume(trx, action, { size_gb: params(action).size_gb }),
      fail: volumeBack,
    },
    'volume.delete': {
      perform: (action) => driver.deleteVolume(action.resource_id),
      succeed: removeVolume,
      fail: volumeBack,
    },
    'snapshot.create': {
      async perform(action) {
        const snapshot = await new SnapshotsStore(db).findById(action.resource_id);
        if (!snapshot) throw new DriverError(`snapshot ${action.resource_id} no longer exists`, false);
        await driver.createSnapshot(snapshot.id, snapshot.volume_id);
      },
      succeed: async (trx, action) => {
        await new SnapshotsStore(trx).end(action.resource_id, action.id, 'available', now());
      },
      fail: (trx, action) => new SnapshotsStore(trx).remove(action.resource_id),
    },
    'snapshot.delete': {
      perform: (action) => driver.deleteSnapshot(action.resource_id),
      succeed: (trx, action) => new SnapshotsStore(trx).remove(action.resource_id),
      fail: async (trx, action) => {
        await new SnapshotsStore(trx).end(action.resource_id, action.id, 'available', now());
      },
    },
  };
}
