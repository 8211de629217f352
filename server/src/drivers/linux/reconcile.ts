// On start the host is brought in line with the database: what the database no longer knows is
// removed (only objects with our prefix), and what it knows but the host lost (after a crash or a
// host reboot) is made again. Machines that should run are booted; those that should not, stopped.
import fs from 'node:fs/promises';
import { idsIn } from './host-layout.js';
import type { LinuxComputeDriver } from './linux-compute-driver.js';
import type { LinuxHost } from './linux-host.js';
import type { LoadBalancers } from './load-balancers.js';
import type { PublicIps } from './public-ips.js';
import { environmentNamespace, idFromHostName } from './names.js';
import { listNamespaces, removeNamespace } from './namespaces.js';
import type { LinuxStorageDriver } from './volumes.js';
import type { LinuxContainerDriver } from './containers.js';
import type { LinuxDatabaseDriver } from './databases.js';

/** The ids the database holds, per kind. */
export interface KnownResources {
  instances(): Promise<Set<string>>;
  volumes(): Promise<Set<string>>;
  snapshots(): Promise<Set<string>>;
  loadBalancers(): Promise<Set<string>>;
  databases(): Promise<Set<string>>;
  databaseBackups(): Promise<Set<string>>;
  /** Public address → the instance it is assigned to. */
  publicIps(): Promise<Map<string, string>>;
  containers(): Promise<Set<string>>;
}

export interface LinuxDrivers {
  host: LinuxHost;
  compute: LinuxComputeDriver;
  storage: LinuxStorageDriver;
  balancers: LoadBalancers;
  databases: LinuxDatabaseDriver;
  publicIps: PublicIps;
  containers: LinuxContainerDriver;
}

export interface ReconcileLog {
  warn(details: object, message: string): void;
}

/**
 * One object that cannot be brought back (a broken image tree, a full disk) is logged and left
 * for the next start: it must not keep the API, and every other object, down.
 */
const KINDS = ['instances', 'volumes', 'snapshots', 'loadBalancers', 'databases', 'databaseBackups', 'publicIps', 'containers'] as const satisfies readonly (keyof KnownResources)[];

/** Every kind must be listed: a kind left out would read as "none", and its host copies would be removed. */
function complete(known: Partial<KnownResources>): KnownResources {
  const missing = KINDS.filter((kind) => !known[kind]);
  if (missing.length > 0) throw new Error(`reconcile: no module lists the ${missing.join(', ')} it holds`);
  return known as KnownResources;
}

export async function reconcileHost({ host, compute, storage, balancers, databases, publicIps, containers }: LinuxDrivers, listed: Partial<KnownResources>, log: ReconcileLog): Promise<void> {
  const known = complete(listed);
  const attempt = async (what: string, id: string, step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      log.warn({ err: error, id }, `reconcile: could not ${what}`);
    }
  };

  const instances = await known.instances();
  for (const id of await fs.readdir(host.layout.instances)) {
    if (!instances.has(id)) await attempt('remove an unknown instance', id, () => compute.destroy(id));
  }
  for (const machine of await host.machines()) {
    const id = machine.spec.instanceId;
    if (machine.power === 'on') await attempt('boot an instance', id, () => compute.powerOn(id));
    else await attempt('stop an instance', id, () => compute.powerOff(id, 0));
  }

  const volumes = await known.volumes();
  for (const id of await idsIn(host.layout.volumes)) if (!volumes.has(id)) await attempt('remove an unknown volume', id, () => storage.deleteVolume(id));
  const snapshots = await known.snapshots();
  for (const id of await idsIn(host.layout.snapshots, '.img')) {
    if (!snapshots.has(id)) await attempt('remove an unknown snapshot', id, () => storage.deleteSnapshot(id));
  }

  const loadBalancers = await known.loadBalancers();
  for (const id of await balancers.ids()) {
    if (loadBalancers.has(id)) await attempt('start a load balancer', id, () => balancers.run(id));
    else await attempt('remove an unknown load balancer', id, () => balancers.remove(id));
  }

  // A database server whose row is gone is removed; one whose server is down (a host reboot) starts.
  const knownDatabases = await known.databases();
  for (const id of await fs.readdir(host.layout.databases)) {
    if (!knownDatabases.has(id)) await attempt('remove an unknown database', id, () => databases.deleteDatabase(id));
  }
  for (const id of await databases.ids()) await attempt('start a database', id, () => databases.start(id));
  const backups = await known.databaseBackups();
  for (const id of await idsIn(host.layout.databaseBackups, '.dump')) {
    if (!backups.has(id)) await attempt('remove an unknown database backup', id, () => databases.deleteBackup(id));
  }

  // After the machines boot (their VPC routers exist again): the routes of assigned addresses are
  // made again, and those of addresses no longer assigned are removed.
  await attempt('route the public addresses', '', async () => publicIps.reconcile(await known.publicIps()));

  // A container whose row is gone is removed; the others run, or not, as their state file says.
  const knownContainers = await known.containers();
  for (const id of await containers.ids()) {
    if (knownContainers.has(id)) await attempt('settle a container', id, () => containers.settle(id));
    else await attempt('remove an unknown container', id, () => containers.destroy(id));
  }

  // Leftovers of interrupted creates and deletes: our cgroups and namespaces nothing accounts for.
  const live = new Set([...(await host.machines()).map((m) => m.spec.instanceId), ...(await balancers.ids()), ...(await databases.ids()), ...(await containers.ids())]);
  for (const cgroup of await host.cgroups.list()) {
    const id = idFromHostName(cgroup);
    if (id !== null && !live.has(id)) await attempt('remove a leftover cgroup', cgroup, () => host.cgroups.remove(cgroup));
  }
  for (const ns of await listNamespaces()) {
    const id = idFromHostName(ns);
    // A function's namespace lives only as long as the server's workers, so at start every one is a leftover.
    if (id !== null && (id.startsWith('inst_') || id.startsWith('db_') || id.startsWith('ctr_') || id.startsWith('fn_')) && !live.has(id)) await attempt('remove a leftover namespace', ns, () => removeNamespace(environmentNamespace(id)));
  }
  await attempt('remove unused VPC namespaces', '', () => host.removeUnusedVpcs());
}
