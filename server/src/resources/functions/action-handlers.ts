// What each function action does: the driver loads the version (a handler that does not load ends
// the deploy as `errored` with the loader's message, not retried), or retires its workers and
// source on delete. `function.deployed` records each version that went live.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { FunctionDriver } from '../../drivers/function-driver.js';
import type { ActionHandler, ActionHandlers } from '../../engine/action-handler.js';
import { settlement } from '../actions/settlement.js';
import { releaseAddressOf } from '../networks/queries.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { FunctionSources } from './sources.js';
import { specOf } from './spec.js';
import { FunctionsStore } from './store.js';

export function functionActionHandlers(db: Db, driver: FunctionDriver, sources: FunctionSources, clock: Clock, events: EventsRecorder): ActionHandlers {
  // A deleted function gives back its private address.
  const settle = settlement({ noun: 'function', store: (trx) => new FunctionsStore(trx), db, clock, events, alsoRemove: releaseAddressOf });
  const deploy: ActionHandler = {
    async perform(action) {
      const row = await settle.load(action);
      const failure = await driver.deploy(await specOf(db, row, sources));
      if (failure) throw new DriverError(failure.message, false);
      await sources.prune(row.id, row.source_sha256);
      return { version: row.version };
    },
    async succeed(trx, action, result) {
      await settle.end(trx, action, { status: 'active', error: null });
      await settle.record(trx, action, 'function.deployed', result as { version: number });
    },
    fail: (trx, action, error) => settle.end(trx, action, { status: 'errored', error }, error),
  };
  return {
    'function.create': deploy,
    'function.deploy': deploy,
    'function.delete': {
      async perform(action) {
        await driver.retire(action.resource_id);
        await sources.prune(action.resource_id);
      },
      succeed: settle.remove,
      fail: (trx, action, error) => settle.back(trx, action, error),
    },
  };
}
