// Looking at (and cleaning up) what the linux driver made on this host, from the outside: commands
// run inside an instance through nsenter, host objects found by their cnx- names.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Cgroups } from '../../server/src/drivers/linux/cgroups.js';
import { execInEnvironment } from '../../server/src/drivers/linux/environments.js';
import { cgroupName } from '../../server/src/drivers/linux/names.js';
import { listNamespaces, removeNamespace } from '../../server/src/drivers/linux/namespaces.js';
import { isRequired } from '../../server/test/helpers/required.js';

const canRun = process.platform === 'linux' && process.getuid?.() === 0;
if (!canRun && isRequired('linux')) {
  throw new Error('CLOUDNEXUS_TEST_REQUIRE names linux but this is not root on Linux');
}

/** `skip` option for the linux driver suite; says so loudly when it cannot run. */
export function skipWithoutLinuxRoot(): string | false {
  if (canRun) return false;
  process.stderr.write('\n*** not root on Linux: the linux driver suite is SKIPPED ***\n\n');
  return 'needs root on Linux';
}

let cgroups: Cgroups | null = null;
/** The host's cgroup tree (v1 or v2), found once. */
export const hostCgroups = () => (cgroups ??= Cgroups.detect());

/** Runs a busybox shell command inside the instance (all its namespaces, root and cgroup). */
export function sh(instanceId: string, script: string): Promise<string> {
  return execInEnvironment(hostCgroups(), cgroupName(instanceId), '/bin/sh', ['-c', script]);
}

/** Like sh, but resolves with the exit code and output instead of throwing. */
export async function shStatus(instanceId: string, script: string): Promise<{ code: number; output: string }> {
  try {
    return { code: 0, output: await sh(instanceId, script) };
  } catch (error) {
    return { code: 1, output: String((error as Error).message) };
  }
}

export const cgroupUsage = (id: string) => hostCgroups().usage(cgroupName(id));

/** The memory limit of an environment's cgroup, in bytes (v2 `memory.max` or v1 `memory.limit_in_bytes`). */
export async function memoryLimit(id: string): Promise<number> {
  const v2 = path.join('/sys/fs/cgroup', cgroupName(id), 'memory.max');
  const file = existsSync(v2) ? v2 : path.join('/sys/fs/cgroup/memory', cgroupName(id), 'memory.limit_in_bytes');
  return Number((await fs.readFile(file, 'utf8')).trim());
}

/** Our host objects: cnx- namespaces and cgroups, loop devices backed by files under `dataDir`. */
export async function hostObjects(dataDir: string): Promise<string[]> {
  const loops = await new Promise<string>((resolve) => execFile('losetup', ['-l', '-n', '-O', 'NAME,BACK-FILE'], (_, stdout) => resolve(stdout ?? '')));
  return [
    ...(await listNamespaces()).map((ns) => `netns ${ns}`),
    ...(await hostCgroups().list()).map((cg) => `cgroup ${cg}`),
    ...loops.split('\n').filter((line) => line.includes(dataDir)).map((line) => `loop ${line.trim()}`),
  ];
}

/**
 * Removes whatever the test's server left behind (instances, load balancers, database servers, containers), found through the ids in its data dir, so a failed
 * run does not leak onto the machine. Only objects named after those ids are touched.
 */
export async function forceCleanup(dataDir: string): Promise<void> {
  const root = path.join(dataDir, 'linux');
  const ids: string[] = [];
  for (const dir of ['instances', 'load-balancers', 'databases', 'containers']) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const entry of await fs.readdir(path.join(root, dir))) ids.push(entry.replace(/\.json$/, ''));
  }
  const vpcIds = new Set<string>();
  for (const id of ids) {
    const machine = path.join(root, 'instances', id, 'machine.json');
    if (existsSync(machine)) vpcIds.add(JSON.parse(await fs.readFile(machine, 'utf8')).spec.network.vpcId);
    const lb = path.join(root, 'load-balancers', `${id}.json`);
    if (existsSync(lb)) vpcIds.add(JSON.parse(await fs.readFile(lb, 'utf8')).vpcId);
    const database = path.join(root, 'databases', id, 'database.json');
    if (existsSync(database)) vpcIds.add(JSON.parse(await fs.readFile(database, 'utf8')).spec.network.vpcId);
    const container = path.join(root, 'containers', id, 'container.json');
    if (existsSync(container)) vpcIds.add(JSON.parse(await fs.readFile(container, 'utf8')).spec.network.vpcId);
    await hostCgroups().remove(cgroupName(id));
    await removeNamespace(`cnx-${id}`);
  }
  for (const vpcId of vpcIds) await removeNamespace(`cnx-${vpcId}`);
  const loops = await new Promise<string>((resolve) => execFile('losetup', ['-l', '-n', '-O', 'NAME,BACK-FILE'], (_, stdout) => resolve(stdout ?? '')));
  for (const line of loops.split('\n').filter((l) => l.includes(dataDir))) {
    await new Promise((resolve) => execFile('losetup', ['-d', line.trim().split(/\s+/)[0] as string], resolve));
  }
}

/** As if the host rebooted under an instance: its processes and its network namespace are gone. */
export async function loseInstance(instanceId: string): Promise<void> {
  await hostCgroups().killAll(cgroupName(instanceId));
  await removeNamespace(`cnx-${instanceId}`);
}

/** Leftovers of a create that never reached the database: a cgroup and a namespace named like ours. */
export async function makeOrphan(instanceId: string): Promise<void> {
  await hostCgroups().create(cgroupName(instanceId));
  await new Promise((resolve, reject) => execFile('ip', ['netns', 'add', `cnx-${instanceId}`], (error) => (error ? reject(error) : resolve(undefined))));
}
