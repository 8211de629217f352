// What the linux compute, storage and network drivers share: the data layout, the cgroup layout,
// the image trees, the metrics ring, and the few steps that cross drivers (volumes mount when an
// instance boots; a VPC's namespace goes when nothing uses it any more).
import fs from 'node:fs/promises';
import { Cgroups } from './cgroups.js';
import { HostLayout, readJson } from './host-layout.js';
import { ImageTrees } from './images.js';
import type { MachineState } from './machine-state.js';
import { MetricsSampler, SAMPLE_EVERY_SECONDS } from './metrics-sampler.js';
import { cgroupName, environmentNamespace, vpcNamespace } from './names.js';
import { interfaceCounters, listNamespaces, removeNamespace } from './namespaces.js';

/** Where a VPC is in use besides its instances (load balancers record it in their state). */
type VpcUsers = () => Promise<string[]>;
/** Environments besides instances whose cgroup and eth0 are sampled (database servers). */
type SampledEnvironments = () => Promise<{ id: string; cpus: number }[]>;

export class LinuxHost {
  readonly images: ImageTrees;
  readonly metrics = new MetricsSampler();
  private readonly bootHooks: ((instanceId: string) => Promise<void>)[] = [];
  private readonly vpcUsers: VpcUsers[] = [];
  private readonly sampled: SampledEnvironments[] = [];
  private sampler: NodeJS.Timeout | null = null;

  private constructor(
    readonly layout: HostLayout,
    readonly cgroups: Cgroups,
  ) {
    this.images = new ImageTrees(layout.images);
  }

  static open(root: string): LinuxHost {
    const layout = new HostLayout(root);
    layout.prepare();
    return new LinuxHost(layout, Cgroups.detect());
  }

  /** Runs after every boot of an instance (attached volumes are mounted this way). */
  onBoot(hook: (instanceId: string) => Promise<void>): void {
    this.bootHooks.push(hook);
  }

  async afterBoot(instanceId: string): Promise<void> {
    for (const hook of this.bootHooks) await hook(instanceId);
  }

  usesVpcs(users: VpcUsers): void {
    this.vpcUsers.push(users);
  }

  async machines(): Promise<MachineState[]> {
    const states = await Promise.all((await fs.readdir(this.layout.instances)).map((id) => readJson<MachineState>(this.layout.machineFile(id))));
    return states.filter((s): s is MachineState => s !== null);
  }

  samples(environments: SampledEnvironments): void {
    this.sampled.push(environments);
  }

  /** Removes the namespaces of VPCs that no machine or load balancer uses any more. */
  async removeUnusedVpcs(): Promise<void> {
    const used = new Set((await this.machines()).map((m) => vpcNamespace(m.spec.network.vpcId)));
    for (const users of this.vpcUsers) for (const vpcId of await users()) used.add(vpcNamespace(vpcId));
    for (const ns of await listNamespaces()) if (ns.startsWith(vpcNamespace('vpc_')) && !used.has(ns)) await removeNamespace(ns);
  }

  /** Samples every running machine now and then, until stopped. */
  startSampling(): void {
    this.sampler = setInterval(() => void this.sample().catch(() => undefined), SAMPLE_EVERY_SECONDS * 1000);
    this.sampler.unref();
  }

  stopSampling(): void {
    if (this.sampler) clearInterval(this.sampler);
  }

  private async sample(): Promise<void> {
    const t = Math.floor(Date.now() / 1000);
    const environments = (await this.machines()).map((m) => ({ id: m.spec.instanceId, cpus: m.spec.cpu }));
    for (const more of this.sampled) environments.push(...(await more()));
    for (const { id, cpus } of environments) {
      if ((await this.cgroups.procs(cgroupName(id))).length === 0) continue;
      const usage = await this.cgroups.usage(cgroupName(id));
      const counters = await interfaceCounters(environmentNamespace(id));
      this.metrics.record(id, { t, cpuUsec: usage.cpuUsec, memoryBytes: usage.memoryBytes, ...counters, cpus });
    }
  }
}
