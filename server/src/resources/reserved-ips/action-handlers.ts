// What each reserved IP action does: the network driver call, then the address's state.
import type { Clock } from '../../clock.js';
import type { Database, Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { NetworkDriver } from '../../drivers/network-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { settlement, transitionHandler } from '../actions/settlement.js';
import type { EventsRecorder } from '../events/recorder.js';
import { findInstance, lockInstance } from '../instances/queries.js';
import { RESERVED_IP_TRANSITIONS, type ReservedIpStatus } from './lifecycle.js';
import { ReservedIpsStore } from './store.js';

interface Params {
  previous_status: ReservedIpStatus;
  previous_instance_id: string | null;
  instance_id: string | null;
}

export function reservedIpActionHandlers(db: Db, kind: Database['kind'], driver: NetworkDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const settle = settlement({ noun: 'reserved_ip', store: (trx) => new ReservedIpsStore(trx), db, clock, events });
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;

  return {
    'reserved_ip.assign': {
      async perform(action) {
        const row = await settle.load(action);
        const instanceId = params(action).instance_id as string;
        const alive = async () => {
          const instance = await findInstance(db, action.account_id, instanceId);
          return instance !== undefined && instance.status !== 'deleting';
        };
        if (!(await alive())) throw new DriverError(`instance ${instanceId} is gone`, false);
        await driver.assignPublicIp(row.ip, instanceId);
        // Deleted meanwhile, its delete may have removed the routes before this one was made.
        if (!(await alive())) await driver.unassignPublicIp(row.ip);
      },
      async succeed(trx, action) {
        const { instance_id, previous_instance_id } = params(action);
        // Deleted while the route was made: its delete has already released what pointed at it,
        // so the address must not point at it again. The address is locked before the instance,
        // in the order an instance delete takes them, so the two never wait on each other.
        await new ReservedIpsStore(trx).lock(kind, action.resource_id);
        if (!(await lockInstance(trx, kind, action.account_id, instance_id as string))) {
          await settle.end(trx, action, { status: 'unassigned', instance_id: null, release_with_instance: 0 });
          return;
        }
        await settle.record(trx, action, 'reserved_ip.assigned', { instance_id, previous_instance_id });
        // Moved off the instance whose create reserved it, the address is the account's to keep.
        await settle.end(trx, action, { status: 'assigned', instance_id, release_with_instance: 0 });
      },
      // The service pointed the row at the new instance when it accepted the assign: point it back.
      fail: (trx, action, error) => settle.end(trx, action, { status: params(action).previous_status, instance_id: params(action).previous_instance_id }, error),
    },
    'reserved_ip.unassign': transitionHandler(
      settle,
      RESERVED_IP_TRANSITIONS.unassign,
      async (action) => driver.unassignPublicIp((await settle.load(action)).ip),
      (action) => ({ event: 'reserved_ip.unassigned', data: { instance_id: params(action).instance_id }, changes: { instance_id: null, release_with_instance: 0 } }),
    ),
  };
}
