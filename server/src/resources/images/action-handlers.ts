// What a custom image's own action does: the driver removes its copy, then the row goes.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { ComputeDriver } from '../../drivers/compute-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import { settlement } from '../actions/settlement.js';
import type { EventsRecorder } from '../events/recorder.js';
import { ImagesStore } from './store.js';

export function imageActionHandlers(db: Db, driver: ComputeDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const settle = settlement({ noun: 'image', store: (trx) => new ImagesStore(trx), db, clock, events });
  return {
    'image.delete': {
      perform: (action) => driver.deleteImage(action.resource_id),
      succeed: settle.remove,
      fail: settle.back,
    },
  };
}
