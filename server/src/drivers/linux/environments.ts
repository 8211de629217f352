// An environment is a process tree with its own PID, mount, UTS and IPC namespaces, joined to a
// named network namespace and a cgroup, with a root tree of its own. Instances are environments;
// so can be anything else that must run isolated on a VPC's network (e.g. a database server).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DriverError } from '../compute-driver.js';
import type { Cgroups } from './cgroups.js';
import { run } from './host-command.js';
import { namespacePath } from './namespaces.js';

export interface EnvironmentSpec {
  /** The tree that becomes `/`. */
  root: string;
  /** Program started as PID 1, as a path inside `root`. */
  init: string;
  /** Named network namespace it joins (made beforehand). */
  netns: string;
  /** Cgroup it runs in (made and limited beforehand). */
  cgroup: string;
  /** Host file that receives PID 1's output (the console). */
  consoleFile: string;
}

// Joins the cgroup before anything else runs, so every later process (and fork) is inside it.
// The cgroup files come first, then `--`, then the command: no user input reaches this script.
export const JOIN_CGROUP_THEN_EXEC = 'while [ "$1" != -- ]; do echo $$ > "$1"; shift; done; shift; exec "$@"';

/**
 * Arguments for `sh -c JOIN_CGROUP_THEN_EXEC sh …` that run `command` in `cgroup`, in the network
 * namespace `netns`, and in new PID, mount, UTS and IPC namespaces of its own.
 */
export function isolatedCommand(cgroups: Cgroups, cgroup: string, netns: string, command: string[]): string[] {
  return [...cgroups.procsFiles(cgroup), '--', 'nsenter', `--net=${namespacePath(netns)}`, 'unshare', '--pid', '--fork', '--mount', '--uts', '--ipc', ...command];
}

/** Starts the environment's PID 1 (unless it runs already) and returns its host PID. */
export async function bootEnvironment(cgroups: Cgroups, spec: EnvironmentSpec): Promise<number> {
  const running = await findInit(cgroups, spec.cgroup);
  if (running !== null) return running;
  const console = await fs.open(spec.consoleFile, 'a');
  try {
    const child = spawn(
      'sh',
      [
        '-c',
        JOIN_CGROUP_THEN_EXEC,
        'sh',
        ...isolatedCommand(cgroups, spec.cgroup, spec.netns, [`--root=${spec.root}`, spec.init]),
      ],
      // Its own session: it outlives the server (a restart of the API must not reboot instances).
      { detached: true, stdio: ['ignore', console.fd, console.fd] },
    );
    child.unref();
  } finally {
    await console.close();
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const pid = await findInit(cgroups, spec.cgroup);
    if (pid !== null) return pid;
    await sleep(50);
  }
  throw new DriverError(`environment in ${spec.cgroup} did not boot`);
}

/** Host PID of the environment's PID 1 (the process that is PID 1 in its own PID namespace). */
export async function findInit(cgroups: Cgroups, cgroup: string): Promise<number | null> {
  for (const pid of await cgroups.procs(cgroup)) {
    try {
      const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
      const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/);
      if (nspid && nspid.length > 1 && nspid[nspid.length - 1] === '1') return pid;
    } catch {
      // Exited while we looked.
    }
  }
  return null;
}

/** Asks PID 1 to shut down, waits up to `graceMs`, then kills whatever is left in the cgroup (at once when 0). */
export async function stopEnvironment(cgroups: Cgroups, cgroup: string, graceMs = 3000): Promise<void> {
  const init = graceMs > 0 ? await findInit(cgroups, cgroup) : null;
  if (init !== null) {
    try {
      process.kill(init, 'SIGTERM');
    } catch {
      // Already gone.
    }
    for (let waited = 0; waited < graceMs && (await cgroups.procs(cgroup)).length > 0; waited += 100) await sleep(100);
  }
  await cgroups.killAll(cgroup);
}

/**
 * Runs a program inside the environment like `docker exec`: in all its namespaces, its root and its
 * cgroup (so the plan's limits hold for it too).
 */
export async function execInEnvironment(cgroups: Cgroups, cgroup: string, file: string, args: readonly string[], input?: string): Promise<string> {
  const init = await findInit(cgroups, cgroup);
  if (init === null) throw new DriverError(`environment in ${cgroup} is not running`, false);
  const nsenter = ['nsenter', '-t', String(init), '-n', '-m', '-u', '-i', '-p', '-r', '-w', '--', file, ...args];
  return run('sh', ['-c', JOIN_CGROUP_THEN_EXEC, 'sh', ...cgroups.procsFiles(cgroup), '--', ...nsenter], input === undefined ? {} : { input });
}

/** Runs a host program inside the environment's mount namespace only (sees the host's tree). */
export function execInMountNamespace(initPid: number, file: string, args: readonly string[]): Promise<string> {
  return run('nsenter', ['-t', String(initPid), '-m', '--', file, ...args]);
}
