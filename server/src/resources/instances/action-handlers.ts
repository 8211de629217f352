// What each instance action does: the driver call, then the instance's state on success or failure.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError, type ComputeDriver } from '../../drivers/compute-driver.js';
import type { ActionHandler, ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { LabelsStore } from '../../labels/store.js';
import { addressOf, findNetwork, releaseAddressOf } from '../networks/queries.js';
import type { SshKeysService } from '../ssh-keys/service.js';
import type { InstanceStatus } from './lifecycle.js';
import { InstancesStore, type InstanceRow } from './store.js';

interface Params {
  previous_status: InstanceStatus;
  plan?: string;
  cpu?: number;
  memory_gb?: number;
}

type Changes = Parameters<InstancesStore['end']>[2];

export function instanceActionHandlers(db: Db, driver: ComputeDriver, sshKeys: SshKeysService, clock: Clock, events: EventsRecorder): ActionHandlers {
  const load = async (action: ActionRow): Promise<InstanceRow> => {
    const row = await new InstancesStore(db).findById(action.resource_id);
    if (!row) throw new DriverError(`instance ${action.resource_id} no longer exists`, false);
    return row;
  };
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;
  /** Ends the action on the instance, and records the status it leaves (the engine is the actor). */
  const end = async (trx: Db, action: ActionRow, changes: Changes, error?: string) => {
    const before = await new InstancesStore(trx).findById(action.resource_id);
    await new InstancesStore(trx).end(action.resource_id, action.id, changes, storedTime(clock()));
    if (before && changes.status !== undefined) {
      const data = { action_id: action.id, ...(error === undefined ? {} : { error }) };
      await events.statusChanged(trx, systemOrigin(action.account_id), 'instance.status_changed', action.resource_id, { previous: before.status, status: changes.status }, data);
    }
  };
  const removeInstance = async (trx: Db, action: ActionRow) => {
    await releaseAddressOf(trx, action.resource_id);
    await new LabelsStore(trx).remove(action.resource_id);
    await new InstancesStore(trx).remove(action.resource_id);
    await events.record(trx, systemOrigin(action.account_id), 'instance.deleted', action.resource_id, { action_id: action.id });
  };
  const backToPrevious = (trx: Db, action: ActionRow, error: string) => end(trx, action, { status: params(action).previous_status }, error);

  /** An operation that changes the machine's power state and lands on a fixed status. */
  const powerOperation = (run: (id: string) => Promise<void>, after: InstanceStatus): ActionHandler => ({
    perform: (action) => run(action.resource_id),
    succeed: (trx, action) => end(trx, action, { status: after }),
    fail: backToPrevious,
  });

  return {
    'instance.create': {
      async perform(action) {
        const row = await load(action);
        const sshPublicKeys = await sshKeys.publicKeys(row.account_id, JSON.parse(row.ssh_key_ids) as string[]);
        const ipv4 = await addressOf(db, row.id);
        if (!ipv4) throw new DriverError(`instance ${row.id} has no allocated address`, false);
        const network = row.network_id ? await findNetwork(db, row.account_id, row.network_id) : undefined;
        if (!network) throw new DriverError(`instance ${row.id} has no network`, false);
        return driver.create({
          ipv4,
          network: { id: network.id, vpcId: network.vpc_id, ipRange: network.ip_range },
          instanceId: row.id,
          name: row.name,
          region: row.region,
          image: row.image,
          cpu: row.cpu,
          memoryGb: row.memory_gb,
          sshPublicKeys,
          userData: row.user_data,
        });
      },
      succeed: (trx, action, result) => end(trx, action, { status: 'running', ipv4: (result as { ipv4: string }).ipv4 }),
      // An instance that could not be built is removed; its errored action says why.
      fail: removeInstance,
    },
    'instance.restart': powerOperation((id) => driver.reboot(id), 'running'),
    'instance.stop': powerOperation((id) => driver.stop(id), 'stopped'),
    'instance.start': powerOperation((id) => driver.start(id), 'running'),
    'instance.resize': {
      async perform(action) {
        const { cpu, memory_gb } = params(action);
        await driver.resize(action.resource_id, { cpu: cpu as number, memoryGb: memory_gb as number });
      },
      async succeed(trx, action) {
        const { previous_status, plan, cpu, memory_gb } = params(action);
        await events.record(trx, systemOrigin(action.account_id), 'instance.resized', action.resource_id, { plan, cpu, memory_gb, action_id: action.id });
        await end(trx, action, { status: previous_status, plan, cpu, memory_gb });
      },
      fail: backToPrevious,
    },
    'instance.delete': {
      perform: (action) => driver.destroy(action.resource_id),
      succeed: removeInstance,
      fail: backToPrevious,
    },
  };
}
