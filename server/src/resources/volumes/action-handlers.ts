// What each volume action does: the storage driver call, then the volume's state.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { StorageDriver } from '../../drivers/storage-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { settlement, transitionHandler } from '../actions/settlement.js';
import type { EventsRecorder } from '../events/recorder.js';
import { VOLUME_TRANSITIONS } from './lifecycle.js';
import { VolumesStore } from './store.js';

interface Params {
  instance_id?: string;
  size_gb?: number;
}

export function volumeActionHandlers(db: Db, driver: StorageDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const settle = settlement({ noun: 'volume', store: (trx) => new VolumesStore(trx), db, clock, events });
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;

  return {
    'volume.create': {
      async perform(action) {
        const row = await settle.load(action);
        await driver.createVolume({ volumeId: row.id, name: row.name, sizeGb: row.size_gb, filesystem: row.filesystem as 'ext4', snapshotId: row.snapshot_id });
      },
      succeed: (trx, action) => settle.end(trx, action, { status: 'available' }),
      fail: settle.remove,
    },
    'volume.attach': transitionHandler(
      settle,
      VOLUME_TRANSITIONS.attach,
      (action) => driver.attach(action.resource_id, params(action).instance_id as string),
      (action) => ({ event: 'volume.attached', data: { instance_id: params(action).instance_id }, changes: { instance_id: params(action).instance_id } }),
    ),
    'volume.detach': transitionHandler(
      settle,
      VOLUME_TRANSITIONS.detach,
      (action) => driver.detach(action.resource_id, params(action).instance_id as string),
      (action) => ({ event: 'volume.detached', data: { instance_id: params(action).instance_id }, changes: { instance_id: null } }),
    ),
    'volume.resize': transitionHandler(
      settle,
      VOLUME_TRANSITIONS.resize,
      (action) => driver.resizeVolume(action.resource_id, params(action).size_gb as number),
      (action) => ({ event: 'volume.resized', data: { size_gb: params(action).size_gb }, changes: { size_gb: params(action).size_gb } }),
    ),
    'volume.delete': {
      perform: (action) => driver.deleteVolume(action.resource_id),
      succeed: settle.remove,
      fail: settle.back,
    },
  };
}
