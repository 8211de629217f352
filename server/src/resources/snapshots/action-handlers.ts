// What each snapshot action does: the storage driver call, then the snapshot's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { StorageDriver } from '../../drivers/storage-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { SnapshotsStore } from './store.js';

export function snapshotActionHandlers(db: Db, driver: StorageDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const system = (action: ActionRow) => systemOrigin(action.account_id);
  const endSnapshot = async (trx: Db, action: ActionRow, previous: string) => {
    await new SnapshotsStore(trx).end(action.resource_id, action.id, 'available', storedTime(clock()));
    await events.statusChanged(trx, system(action), 'snapshot.status_changed', action.resource_id, { previous, status: 'available' }, { action_id: action.id });
  };
  const removeSnapshot = async (trx: Db, action: ActionRow) => {
    await new SnapshotsStore(trx).remove(action.resource_id);
    await events.record(trx, system(action), 'snapshot.deleted', action.resource_id, { action_id: action.id });
  };

  return {
    'snapshot.create': {
      async perform(action) {
        const snapshot = await new SnapshotsStore(db).findById(action.resource_id);
        if (!snapshot) throw new DriverError(`snapshot ${action.resource_id} no longer exists`, false);
        await driver.createSnapshot(snapshot.id, snapshot.volume_id);
      },
      succeed: (trx, action) => endSnapshot(trx, action, 'creating'),
      fail: removeSnapshot,
    },
    'snapshot.delete': {
      perform: (action) => driver.deleteSnapshot(action.resource_id),
      succeed: removeSnapshot,
      fail: (trx, action) => endSnapshot(trx, action, 'deleting'),
    },
  };
}
