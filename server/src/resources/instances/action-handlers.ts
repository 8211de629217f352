// What each instance action does: the driver call, then the instance's state on success or failure.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError, type ComputeDriver } from '../../drivers/compute-driver.js';
import type { NetworkDriver } from '../../drivers/network-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { settlement, transitionHandler } from '../actions/settlement.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { ImagesService } from '../images/service.js';
import { addressOf, findNetwork, releaseAddressOf } from '../networks/queries.js';
import { releaseReservedIpOf, reservedIpOf } from '../reserved-ips/queries.js';
import type { SshKeysService } from '../ssh-keys/service.js';
import { TRANSITIONS, type InstanceStatus } from './lifecycle.js';
import { InstancesStore } from './store.js';

interface SnapshotParams {
  previous_status: string;
  image_id: string;
}

interface RebuildParams {
  previous_status: string;
  previous_image: string;
  image: string;
}

interface ResizeParams {
  plan?: string;
  cpu?: number;
  memory_gb?: number;
}

export function instanceActionHandlers(db: Db, driver: ComputeDriver, networkDriver: NetworkDriver, sshKeys: SshKeysService, images: ImagesService, clock: Clock, events: EventsRecorder): ActionHandlers {
  // A deleted instance gives back its private address, and its reserved IP (which the account keeps) is unassigned.
  const alsoRemove = async (trx: Db, id: string) => {
    await releaseAddressOf(trx, id);
    await releaseReservedIpOf(trx, events, id, storedTime(clock()));
  };
  const settle = settlement({ noun: 'instance', store: (trx) => new InstancesStore(trx), db, clock, events, alsoRemove });
  const resize = (action: ActionRow) => JSON.parse(action.params) as ResizeParams;
  const snapshot = (action: ActionRow) => JSON.parse(action.params) as SnapshotParams;
  const rebuild = (action: ActionRow) => JSON.parse(action.params) as RebuildParams;

  return {
    'instance.create': {
      async perform(action) {
        const row = await settle.load(action);
        const sshPublicKeys = await sshKeys.publicKeys(row.account_id, JSON.parse(row.ssh_key_ids) as string[]);
        const ipv4 = await addressOf(db, row.id);
        if (!ipv4) throw new DriverError(`instance ${row.id} has no allocated address`, false);
        const network = row.network_id ? await findNetwork(db, row.account_id, row.network_id) : undefined;
        if (!network) throw new DriverError(`instance ${row.id} has no network`, false);
        const created = await driver.create({
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
        // The address a `public_ip: true` create reserved routes to the machine once it exists.
        const reservedIp = await reservedIpOf(db, row.id);
        if (reservedIp) await networkDriver.assignPublicIp(reservedIp.ip, row.id);
        return created;
      },
      succeed: (trx, action, result) => settle.end(trx, action, { status: 'running', ipv4: (result as { ipv4: string }).ipv4 }),
      // An instance that could not be built is removed; its errored action says why.
      fail: settle.remove,
    },
    'instance.restart': transitionHandler(settle, TRANSITIONS.restart, (action) => driver.reboot(action.resource_id)),
    'instance.stop': transitionHandler(settle, TRANSITIONS.stop, (action) => driver.stop(action.resource_id)),
    'instance.shutdown': transitionHandler(settle, TRANSITIONS.shutdown, (action) => driver.shutdown(action.resource_id)),
    // Off then on; a retry after a crash repeats both, which the driver treats as no-ops where done.
    'instance.power_cycle': transitionHandler(settle, TRANSITIONS.power_cycle, async (action) => {
      await driver.stop(action.resource_id);
      await driver.start(action.resource_id);
    }),
    'instance.start': transitionHandler(settle, TRANSITIONS.start, (action) => driver.start(action.resource_id)),
    'instance.resize': transitionHandler(
      settle,
      TRANSITIONS.resize,
      async (action) => {
        const { cpu, memory_gb } = resize(action);
        await driver.resize(action.resource_id, { cpu: cpu as number, memoryGb: memory_gb as number });
      },
      (action) => {
        const { plan, cpu, memory_gb } = resize(action);
        return { event: 'instance.resized', data: { plan, cpu, memory_gb }, changes: { plan, cpu, memory_gb } };
      },
    ),
    // The image settles with the instance's action: available with its size, or errored.
    'instance.snapshot': {
      perform: (action) => driver.snapshot(action.resource_id, snapshot(action).image_id),
      async succeed(trx, action, result) {
        await images.settleSnapshot(trx, action.account_id, snapshot(action).image_id, (result as { sizeGb: number }).sizeGb);
        await settle.back(trx, action);
      },
      async fail(trx, action, error) {
        await images.settleSnapshot(trx, action.account_id, snapshot(action).image_id, null);
        await settle.back(trx, action, error);
      },
    },
    'instance.rebuild': {
      ...transitionHandler(settle, TRANSITIONS.rebuild, (action) => driver.rebuild(action.resource_id, rebuild(action).image), (action) => ({ event: 'instance.rebuilt', data: { image: rebuild(action).image } })),
      // Drivers swap the new disk in last, so one that failed for good still runs the old image.
      fail: (trx, action, error) => settle.end(trx, action, { status: rebuild(action).previous_status as InstanceStatus, image: rebuild(action).previous_image }, error),
    },
    'instance.delete': {
      async perform(action) {
        const reservedIp = await reservedIpOf(db, action.resource_id);
        if (reservedIp) await networkDriver.unassignPublicIp(reservedIp.ip);
        await driver.destroy(action.resource_id);
      },
      succeed: settle.remove,
      fail: settle.back,
    },
  };
}
