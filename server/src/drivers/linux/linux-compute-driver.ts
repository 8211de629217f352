// Instances as real isolated environments on this host: a root tree copied from the image, a network
// namespace plugged into the network's bridge, a cgroup sized to the plan, and an init as PID 1.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { DriverError, type ComputeDriver, type MachineSize, type MachineSpec, type MetricSeries, type MetricsQuery } from '../compute-driver.js';
import { bootEnvironment, stopEnvironment } from './environments.js';
import { copyTree } from './images.js';
import type { LinuxHost } from './linux-host.js';
import { readJson, writeJson } from './host-layout.js';
import { cgroupName, environmentNamespace } from './names.js';
import { ipIn, joinNetwork, namespacePath, removeNamespace } from './namespaces.js';
import type { MachineState } from './machine-state.js';
import { applyPolicy, DENY_INBOUND } from './nftables.js';
import { INIT_PATH, writeFirstBoot } from './rootfs.js';


const CONSOLE_TAIL_BYTES = 64 * 1024;
const GIB = 1024 ** 3;

export class LinuxComputeDriver implements ComputeDriver {
  constructor(
    private readonly host: LinuxHost,
    /** How long `shutdown` waits for the init to exit after SIGTERM before killing the rest. */
    private readonly shutdownTimeoutMs: number,
  ) {}

  async create(spec: MachineSpec): Promise<{ ipv4: string }> {
    const { layout } = this.host;
    await fs.mkdir(layout.instanceDir(spec.instanceId), { recursive: true });
    const rootfs = layout.rootfs(spec.instanceId);
    if (!existsSync(rootfs)) await this.buildRoot(spec, spec.image);
    await writeJson(layout.machineFile(spec.instanceId), { spec, power: 'on' } satisfies MachineState);
    await this.powerOn(spec.instanceId);
    return { ipv4: spec.ipv4 };
  }

  async start(instanceId: string): Promise<void> {
    await this.setPower(instanceId, 'on');
    await this.powerOn(instanceId);
  }

  async stop(instanceId: string): Promise<void> {
    await this.setPower(instanceId, 'off');
    await this.powerOff(instanceId, 0);
  }

  async shutdown(instanceId: string): Promise<void> {
    await this.setPower(instanceId, 'off');
    await this.powerOff(instanceId, this.shutdownTimeoutMs);
  }

  async reboot(instanceId: string): Promise<void> {
    await this.setPower(instanceId, 'on');
    await stopEnvironment(this.host.cgroups, cgroupName(instanceId));
    await this.powerOn(instanceId);
  }

  async resize(instanceId: string, size: MachineSize): Promise<void> {
    const state = await this.machine(instanceId);
    state.spec = { ...state.spec, cpu: size.cpu, memoryGb: size.memoryGb };
    await writeJson(this.host.layout.machineFile(instanceId), state);
    // A stopped machine gets its new limits when it next boots.
    if ((await this.host.cgroups.procs(cgroupName(instanceId))).length > 0) await this.applyLimits(state.spec);
  }

  async snapshot(instanceId: string, imageId: string): Promise<{ sizeGb: number }> {
    await this.machine(instanceId);
    return { sizeGb: await this.host.images.capture(imageId, this.host.layout.rootfs(instanceId)) };
  }

  /** Off, a new root tree swapped in, and on again if it was on; address and volumes stay. */
  async rebuild(instanceId: string, image: string): Promise<void> {
    const state = await this.machine(instanceId);
    await this.powerOff(instanceId, 0);
    await this.buildRoot(state.spec, image);
    await writeJson(this.host.layout.machineFile(instanceId), { ...state, spec: { ...state.spec, image } });
    if (state.power === 'on') await this.powerOn(instanceId);
  }

  deleteImage(imageId: string): Promise<void> {
    return this.host.images.remove(imageId);
  }

  async destroy(instanceId: string): Promise<void> {
    await this.host.cgroups.remove(cgroupName(instanceId));
    await removeNamespace(environmentNamespace(instanceId));
    await fs.rm(this.host.layout.instanceDir(instanceId), { recursive: true, force: true });
    this.host.metrics.forget(instanceId);
    await this.host.removeUnusedVpcs();
  }

  metrics(instanceId: string, query: MetricsQuery): Promise<MetricSeries[]> {
    return Promise.resolve(this.host.metrics.series(instanceId, query));
  }

  async console(instanceId: string): Promise<string> {
    const file = this.host.layout.consoleFile(instanceId);
    if (!existsSync(file)) return '';
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, CONSOLE_TAIL_BYTES);
      const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  }

  /** Boots a machine that should be on (network, cgroup, init, then its volumes); a no-op if it runs. */
  async powerOn(instanceId: string): Promise<void> {
    const { spec } = await this.machine(instanceId);
    await this.ensureNetwork(spec);
    await this.host.cgroups.create(cgroupName(instanceId));
    await this.applyLimits(spec);
    await bootEnvironment(this.host.cgroups, {
      root: this.host.layout.rootfs(instanceId),
      init: INIT_PATH,
      netns: environmentNamespace(instanceId),
      cgroup: cgroupName(instanceId),
      consoleFile: this.host.layout.consoleFile(instanceId),
    });
    await this.host.afterBoot(instanceId);
  }

  /**
   * Stops every process, giving the init `graceMs` after SIGTERM (0: killed at once); the link goes
   * down too, so a stopped machine answers nothing, not even ping.
   */
  async powerOff(instanceId: string, graceMs: number): Promise<void> {
    await stopEnvironment(this.host.cgroups, cgroupName(instanceId), graceMs);
    const ns = environmentNamespace(instanceId);
    if (existsSync(namespacePath(ns))) await ipIn(ns, ['link', 'set', 'eth0', 'down']);
  }

  async machine(instanceId: string): Promise<MachineState> {
    const state = await readJson<MachineState>(this.host.layout.machineFile(instanceId));
    if (!state) throw new DriverError(`machine ${instanceId} does not exist`, false);
    return state;
  }

  /**
   * Builds the instance's root tree from `image` aside and renames it into place, the old tree (a
   * rebuild's) moved out of the way first. Each step can be repeated after a crash: a retry copies
   * again, and finds the old tree wherever the crash left it.
   */
  private async buildRoot(spec: MachineSpec, image: string): Promise<void> {
    const rootfs = this.host.layout.rootfs(spec.instanceId);
    const [scratch, old] = [`${rootfs}.new`, `${rootfs}.old`];
    await fs.rm(scratch, { recursive: true, force: true });
    await copyTree(await this.host.images.tree(image), scratch);
    await writeFirstBoot(scratch, { hostname: spec.name, sshPublicKeys: spec.sshPublicKeys, userData: spec.userData });
    if (existsSync(rootfs)) {
      await fs.rm(old, { recursive: true, force: true });
      await fs.rename(rootfs, old);
    }
    await fs.rename(scratch, rootfs);
    await fs.rm(old, { recursive: true, force: true });
  }

  private async setPower(instanceId: string, power: MachineState['power']): Promise<void> {
    const state = await this.machine(instanceId);
    if (state.power !== power) await writeJson(this.host.layout.machineFile(instanceId), { ...state, power });
  }

  private async ensureNetwork(spec: MachineSpec): Promise<void> {
    // Default deny from the first packet: the firewall enforcer replaces this within a second.
    await joinNetwork(spec.instanceId, spec.network, spec.ipv4, (ns) => applyPolicy(ns, DENY_INBOUND));
  }

  private applyLimits(spec: MachineSpec): Promise<void> {
    return this.host.cgroups.limit(cgroupName(spec.instanceId), { cpus: spec.cpu, memoryBytes: Math.round(spec.memoryGb * GIB) });
  }
}
