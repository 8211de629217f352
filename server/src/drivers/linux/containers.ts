// Containers run by runc, the OCI runtime (Debian's package), never by hand: each container is an
// OCI bundle (a copy of its image's rootfs and a config.json) under the data dir, run detached in
// a network namespace plugged into its VPC network's bridge, with its limits in its cgroup and
// stdout and stderr in log files. (runc rather than crun: crun refuses hosts with hybrid v1/v2
// cgroups, which runc supports like v1 and v2.)
// The state file records whether it should run, so a restart of the server (reconcile) can tell.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DriverError, type MetricSeries, type MetricsQuery } from '../compute-driver.js';
import type { ContainerDriver, ContainerLogs, ContainerSpec } from '../container-driver.js';
import { readJson, writeJson } from './host-layout.js';
import { run } from './host-command.js';
import { copyTree } from './images.js';
import type { LinuxHost } from './linux-host.js';
import { cgroupName, environmentNamespace, HOST_PREFIX } from './names.js';
import { joinNetwork, namespacePath, removeNamespace } from './namespaces.js';
import { bundleConfig } from './oci-bundle.js';

const LOG_TAIL_BYTES = 256 * 1024;
const STOP_GRACE_MS = 3000;
const RUNTIME = 'runc';

interface ContainerState {
  spec: ContainerSpec;
  power: 'on' | 'off';
}

export class LinuxContainerDriver implements ContainerDriver {
  private readonly runtimeRoot: string;

  constructor(private readonly host: LinuxHost) {
    this.runtimeRoot = path.join(host.layout.root, 'runtime');
    host.samples(async () => (await this.states()).filter((s) => s.power === 'on').map((s) => ({ id: s.spec.containerId, cpus: s.spec.cpu })));
    host.usesVpcs(async () => (await this.states()).map((s) => s.spec.network.vpcId));
  }

  async create(spec: ContainerSpec): Promise<void> {
    const dir = this.host.layout.containerDir(spec.containerId);
    const rootfs = path.join(dir, 'bundle', 'rootfs');
    await fs.mkdir(path.join(dir, 'bundle'), { recursive: true });
    if (!existsSync(rootfs)) {
      // Copied aside and renamed, so a crash mid-copy leaves no half tree that looks whole.
      await fs.rm(`${rootfs}.new`, { recursive: true, force: true });
      await copyTree(spec.rootfs, `${rootfs}.new`);
      await fs.rename(`${rootfs}.new`, rootfs);
    }
    await writeJson(path.join(dir, 'bundle', 'config.json'), bundleConfig(spec, namespacePath(environmentNamespace(spec.containerId))));
    await writeJson(this.stateFile(spec.containerId), { spec, power: 'on' } satisfies ContainerState);
    await this.powerOn(spec.containerId);
  }

  async start(containerId: string): Promise<void> {
    await this.setPower(containerId, 'on');
    await this.powerOn(containerId);
  }

  async stop(containerId: string): Promise<void> {
    await this.setPower(containerId, 'off');
    await this.powerOff(containerId);
  }

  async restart(containerId: string): Promise<void> {
    await this.state(containerId);
    await this.powerOff(containerId);
    await this.powerOn(containerId);
  }

  async destroy(containerId: string): Promise<void> {
    await this.powerOff(containerId);
    await this.host.cgroups.remove(cgroupName(containerId));
    await removeNamespace(environmentNamespace(containerId));
    await fs.rm(this.host.layout.containerDir(containerId), { recursive: true, force: true });
    this.host.metrics.forget(containerId);
    await this.host.removeUnusedVpcs();
  }

  async logs(containerId: string, tail: number): Promise<ContainerLogs> {
    const dir = this.host.layout.containerDir(containerId);
    return { stdout: await lastLines(path.join(dir, 'stdout.log'), tail), stderr: await lastLines(path.join(dir, 'stderr.log'), tail) };
  }

  metrics(containerId: string, query: MetricsQuery): Promise<MetricSeries[]> {
    return Promise.resolve(this.host.metrics.series(containerId, query));
  }

  /** The ids of the containers this host holds. */
  async ids(): Promise<string[]> {
    return existsSync(this.host.layout.containers) ? fs.readdir(this.host.layout.containers) : [];
  }

  /** Brings the runtime in line with the state file: running if it should be on, gone if off (reconcile). */
  async settle(containerId: string): Promise<void> {
    if ((await this.state(containerId)).power === 'on') await this.powerOn(containerId);
    else await this.powerOff(containerId);
  }

  /** Starts the process in its network unless it runs already; a runtime container left stopped is removed first. */
  private async powerOn(containerId: string): Promise<void> {
    const { spec } = await this.state(containerId);
    await joinNetwork(containerId, spec.network, spec.ipv4);
    const status = await this.runtimeStatus(containerId);
    if (status === 'running') return;
    if (status !== null) await this.runtime(['delete', '--force', runtimeName(containerId)]);
    const dir = this.host.layout.containerDir(containerId);
    const stdout = openSync(path.join(dir, 'stdout.log'), 'a');
    const stderr = openSync(path.join(dir, 'stderr.log'), 'a');
    try {
      // Detached: the runtime exits once the process runs, which keeps the log files as its stdout and stderr.
      const args = [...this.runtimeArgs(), 'run', '--detach', '--bundle', path.join(dir, 'bundle'), runtimeName(containerId)];
      const exit = await new Promise<number>((resolve, reject) => {
        const child = spawn(RUNTIME, args, { stdio: ['ignore', stdout, stderr] });
        child.once('error', reject);
        child.once('exit', (code) => resolve(code ?? 1));
      });
      if (exit !== 0) throw new DriverError(`runc could not start ${containerId}: ${(await lastLines(path.join(dir, 'stderr.log'), 3)).join(' / ')}`);
    } finally {
      closeSync(stdout);
      closeSync(stderr);
    }
  }

  /** SIGTERM, then SIGKILL after the grace period, then the runtime forgets it (the bundle stays). */
  private async powerOff(containerId: string): Promise<void> {
    const name = runtimeName(containerId);
    if ((await this.runtimeStatus(containerId)) === 'running') {
      await this.runtime(['kill', name, 'TERM']).catch(() => undefined);
      for (let waited = 0; waited < STOP_GRACE_MS && (await this.runtimeStatus(containerId)) === 'running'; waited += 100) await sleep(100);
    }
    if ((await this.runtimeStatus(containerId)) !== null) await this.runtime(['delete', '--force', name]);
  }

  private async runtimeStatus(containerId: string): Promise<string | null> {
    try {
      return (JSON.parse(await this.runtime(['state', runtimeName(containerId)])) as { status: string }).status;
    } catch {
      return null;
    }
  }

  private runtime(args: string[]): Promise<string> {
    return run(RUNTIME, [...this.runtimeArgs(), ...args]);
  }

  /** The runtime's global flags: its state directory, ours alone (another server on this host keeps its own). */
  private runtimeArgs(): string[] {
    return ['--root', this.runtimeRoot];
  }

  private stateFile(containerId: string): string {
    return path.join(this.host.layout.containerDir(containerId), 'container.json');
  }

  private async state(containerId: string): Promise<ContainerState> {
    const state = await readJson<ContainerState>(this.stateFile(containerId));
    if (!state) throw new DriverError(`container ${containerId} does not exist`, false);
    return state;
  }

  private async setPower(containerId: string, power: ContainerState['power']): Promise<void> {
    const state = await this.state(containerId);
    if (state.power !== power) await writeJson(this.stateFile(containerId), { ...state, power });
  }

  private async states(): Promise<ContainerState[]> {
    const states = await Promise.all((await this.ids()).map((id) => readJson<ContainerState>(this.stateFile(id))));
    return states.filter((s): s is ContainerState => s !== null);
  }
}

/** The runtime's name for a container: ours carry the host prefix like every host object. */
const runtimeName = (containerId: string) => `${HOST_PREFIX}${containerId}`;

/** The last `count` lines of a log file (read from its last 256 KiB). */
async function lastLines(file: string, count: number): Promise<string[]> {
  if (!existsSync(file)) return [];
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, LOG_TAIL_BYTES);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}
