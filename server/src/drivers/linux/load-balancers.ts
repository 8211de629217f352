// Load balancers: one proxy process (lb-proxy) per balancer inside its VPC's namespace, in a cgroup
// of its own so it can be found and stopped after a crash. Its configuration file is its state.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DriverError } from '../compute-driver.js';
import type { LoadBalancerSpec } from '../network-driver.js';
import { JOIN_CGROUP_THEN_EXEC } from './environments.js';
import { idsIn, readJson, writeJson } from './host-layout.js';
import type { ProxyConfig } from './lb-proxy.js';
import type { LinuxHost } from './linux-host.js';
import { bridgeName, cgroupName, vpcNamespace } from './names.js';
import { ensureBridge, ensureVpcRouter, gatewayOf } from './namespaces.js';

/** What the driver keeps per balancer: the proxy's configuration plus where it runs. */
interface BalancerState extends ProxyConfig {
  vpcId: string;
  networks: { id: string; ipRange: string }[];
  ip: string;
}

// The proxy is a sibling module, run by this same Node (with the same loader flags, e.g. tsx).
const self = fileURLToPath(import.meta.url);
const PROXY = path.join(path.dirname(self), `lb-proxy${path.extname(self)}`);

export class LoadBalancers {
  constructor(private readonly host: LinuxHost) {
    host.usesVpcs(async () => (await this.all()).map((b) => b.vpcId));
  }

  /** Creates or updates the balancer and makes sure its proxy runs with the latest settings. */
  async ensure(spec: LoadBalancerSpec): Promise<{ ip: string }> {
    const networks = [...spec.networks].sort((a, b) => a.id.localeCompare(b.id));
    const first = networks[0];
    if (!first) throw new DriverError(`VPC ${spec.vpcId} has no network to serve on`, false);
    // The VPC router answers on every network's gateway; the balancer is reached at the first one's.
    const ip = gatewayOf(first.ipRange).gateway;
    // Written before the namespace is made, so the VPC counts as in use from the start.
    const state: BalancerState = {
      vpcId: spec.vpcId,
      networks,
      ip,
      algorithm: spec.algorithm,
      rules: spec.forwardingRules.map((r) => ({ entryPort: r.entry_port, targetPort: r.target_port })),
      targets: spec.targetAddresses,
      health: spec.healthCheck,
    };
    await writeJson(this.host.layout.loadBalancerFile(spec.loadBalancerId), state);
    await this.run(spec.loadBalancerId);
    return { ip };
  }

  /**
   * Makes the VPC's namespace and bridges (again, after a host reboot), then starts the proxy if it
   * is not running, or has it re-read its configuration.
   */
  async run(id: string): Promise<void> {
    const { cgroups, layout } = this.host;
    const state = await readJson<BalancerState>(layout.loadBalancerFile(id));
    if (!state) throw new DriverError(`load balancer ${id} does not exist`, false);
    const vpcNs = vpcNamespace(state.vpcId);
    await ensureVpcRouter(vpcNs);
    for (const network of state.networks) await ensureBridge(vpcNs, bridgeName(network.id), network.ipRange);
    const running = await cgroups.procs(cgroupName(id));
    if (running.length > 0) {
      for (const pid of running) process.kill(pid, 'SIGHUP');
      return;
    }
    await cgroups.create(cgroupName(id));
    const log = await fs.open(path.join(layout.loadBalancers, `${id}.log`), 'w');
    try {
      const child = spawn(
        'sh',
        ['-c', JOIN_CGROUP_THEN_EXEC, 'sh', ...cgroups.procsFiles(cgroupName(id)), '--', 'ip', 'netns', 'exec', vpcNs, process.execPath, ...process.execArgv, PROXY, layout.loadBalancerFile(id)],
        { detached: true, stdio: ['ignore', log.fd, log.fd] },
      );
      child.unref();
    } finally {
      await log.close();
    }
    // Up once the proxy has said it serves (its ports are bound).
    for (let attempt = 0; attempt < 200; attempt++) {
      const text = await fs.readFile(path.join(layout.loadBalancers, `${id}.log`), 'utf8');
      if (text.includes('serving ports') && (await cgroups.procs(cgroupName(id))).length > 0) return;
      await sleep(50);
    }
    throw new DriverError(`load balancer ${id} did not start`);
  }

  async remove(id: string): Promise<void> {
    const { cgroups, layout } = this.host;
    await cgroups.remove(cgroupName(id));
    for (const file of [layout.loadBalancerFile(id), path.join(layout.loadBalancers, `${id}.log`)]) await fs.rm(file, { force: true });
    await this.host.removeUnusedVpcs();
  }

  async ids(): Promise<string[]> {
    return idsIn(this.host.layout.loadBalancers);
  }

  private async all(): Promise<BalancerState[]> {
    const states = await Promise.all((await this.ids()).map((id) => readJson<BalancerState>(this.host.layout.loadBalancerFile(id))));
    return states.filter((s): s is BalancerState => s !== null);
  }
}
