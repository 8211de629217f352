// What each container action does: the driver call, then the container's state on success or failure.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { ContainerDriver, ContainerPort, ContainerSpec } from '../../drivers/container-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import { settlement, transitionHandler } from '../actions/settlement.js';
import type { ContainerImagesService } from '../container-images/service.js';
import { findContainerImage } from '../container-images/queries.js';
import type { EventsRecorder } from '../events/recorder.js';
import { findNetwork, releaseAddressOf } from '../networks/queries.js';
import { TRANSITIONS } from './lifecycle.js';
import { ContainersStore, type ContainerRow } from './store.js';

export function containerActionHandlers(db: Db, driver: ContainerDriver, images: ContainerImagesService, clock: Clock, events: EventsRecorder): ActionHandlers {
  // A deleted container gives back its private address.
  const settle = settlement({ noun: 'container', store: (trx) => new ContainersStore(trx), db, clock, events, alsoRemove: releaseAddressOf });

  /** The driver's view of a container: its image's rootfs and config, with the container's own settings on top. */
  const specOf = async (row: ContainerRow): Promise<ContainerSpec> => {
    const imageRow = await findContainerImage(db, row.account_id, row.image_id);
    if (!imageRow) throw new DriverError(`container ${row.id} has no image ${row.image_id}`, false);
    const network = await findNetwork(db, row.account_id, row.network_id);
    if (!network || !row.ipv4) throw new DriverError(`container ${row.id} has no network address`, false);
    const { rootfs, config } = images.runnableById(imageRow);
    const command = row.command === null ? null : (JSON.parse(row.command) as string[]);
    return {
      containerId: row.id,
      name: row.name,
      rootfs,
      argv: command ?? [...config.entrypoint, ...config.cmd],
      env: mergeEnv(config.env, JSON.parse(row.environment) as Record<string, string>),
      workingDir: config.working_dir || '/',
      user: config.user,
      memoryMb: row.memory_mb,
      cpu: row.cpu,
      ports: JSON.parse(row.ports) as ContainerPort[],
      ipv4: row.ipv4,
      network: { id: network.id, vpcId: network.vpc_id, ipRange: network.ip_range },
    };
  };

  return {
    'container.create': {
      perform: async (action) => driver.create(await specOf(await settle.load(action))),
      succeed: (trx, action) => settle.end(trx, action, { status: 'running' }),
      // A container that could not be built is removed; its errored action says why.
      fail: settle.remove,
    },
    'container.restart': transitionHandler(settle, TRANSITIONS.restart, (action) => driver.restart(action.resource_id)),
    'container.stop': transitionHandler(settle, TRANSITIONS.stop, (action) => driver.stop(action.resource_id)),
    'container.start': transitionHandler(settle, TRANSITIONS.start, (action) => driver.start(action.resource_id)),
    'container.delete': { perform: (action) => driver.destroy(action.resource_id), succeed: settle.remove, fail: settle.back },
  };
}

/** The image's `NAME=value` list with the container's variables replacing those of the same name, and a PATH when neither has one. */
function mergeEnv(imageEnv: string[], environment: Record<string, string>): string[] {
  const merged = new Map<string, string>([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  for (const pair of imageEnv) {
    const at = pair.indexOf('=');
    if (at > 0) merged.set(pair.slice(0, at), pair.slice(at + 1));
  }
  for (const [name, value] of Object.entries(environment)) merged.set(name, value);
  return [...merged].map(([name, value]) => `${name}=${value}`);
}
