// What each snapshot action does: the storage driver call, then the snapshot's state.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { StorageDriver } from '../../drivers/storage-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import { settlement } from '../actions/settlement.js';
import type { EventsRecorder } from '../events/recorder.js';
import { SnapshotsStore } from './store.js';

export function snapshotActionHandlers(db: Db, driver: StorageDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const settle = settlement({ noun: 'snapshot', store: (trx) => new SnapshotsStore(trx), db, clock, events });
  return {
    'snapshot.create': {
      async perform(action) {
        const snapshot = await settle.load(action);
        await driver.createSnapshot(snapshot.id, snapshot.volume_id);
      },
      succeed: (trx, action) => settle.end(trx, action, { status: 'available' }),
      fail: settle.remove,
    },
    'snapshot.delete': {
      perform: (action) => driver.deleteSnapshot(action.resource_id),
      succeed: settle.remove,
      fail: (trx, action) => settle.end(trx, action, { status: 'available' }),
    },
  };
}
