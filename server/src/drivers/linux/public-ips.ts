// Public addresses on this host: each VPC that holds one gets an uplink, a veth pair from the host's
// root namespace to the VPC's router. The host routes the address (a /32) into the uplink, the
// router owns it and translates it to the instance's private address (public-nat.ts). Every step
// brings the VPC in line with the state files, so a repeat after a crash, or at start, is a no-op.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { DriverError } from '../compute-driver.js';
import { run, succeeds } from './host-command.js';
import { idsIn, readJson, writeJson } from './host-layout.js';
import type { LinuxHost } from './linux-host.js';
import type { MachineState } from './machine-state.js';
import { uplinkName, vpcNamespace } from './names.js';
import { ensureVpcRouter, ipIn, namespacePath } from './namespaces.js';
import { applyUplinkRules, removeUplinkRules, ROUTER_UPLINK } from './public-nat.js';

/** What the driver keeps per routed address (its file is named after the address). */
interface PublicIpState {
  ip: string;
  instanceId: string;
  vpcId: string;
  privateIp: string;
}

const hostLinkExists = (link: string) => succeeds('ip', ['link', 'show', 'dev', link]);

export class PublicIps {
  /** One change at a time: two addresses of one VPC converge the same uplink and table. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: LinuxHost,
    /** CLOUDNEXUS_INSTANCE_EGRESS: instances with a public address may start connections out. */
    private readonly egress: boolean,
  ) {
    host.usesVpcs(async () => (await this.all()).map((s) => s.vpcId));
  }

  /** Routes `ip` to the instance, moving it off wherever it routed before. */
  assign(ip: string, instanceId: string): Promise<void> {
    return this.serially(() => this.route(ip, instanceId));
  }

  unassign(ip: string): Promise<void> {
    return this.serially(() => this.unroute(ip));
  }

  /** At start: routes every address the database assigns, and removes the rest. */
  reconcile(assigned: Map<string, string>): Promise<void> {
    return this.serially(async () => {
      for (const state of await this.all()) if (assigned.get(state.ip) !== state.instanceId) await this.unroute(state.ip);
      for (const [ip, instanceId] of assigned) if (existsSync(this.host.layout.machineFile(instanceId))) await this.route(ip, instanceId);
    });
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async route(ip: string, instanceId: string): Promise<void> {
    const machine = await readJson<MachineState>(this.host.layout.machineFile(instanceId));
    if (!machine) throw new DriverError(`machine ${instanceId} does not exist`, false);
    const previous = await this.state(ip);
    const vpcId = machine.spec.network.vpcId;
    await writeJson(this.host.layout.publicIpFile(ip), { ip, instanceId, vpcId, privateIp: machine.spec.ipv4 } satisfies PublicIpState);
    await this.converge(vpcId);
    if (previous && previous.vpcId !== vpcId) await this.converge(previous.vpcId);
  }

  private async unroute(ip: string): Promise<void> {
    const previous = await this.state(ip);
    if (!previous) return;
    await fs.rm(this.host.layout.publicIpFile(ip), { force: true });
    await this.converge(previous.vpcId);
  }

  /** The uplink, the router's addresses and rules, and the host's routes of one VPC, from its state files. */
  private async converge(vpcId: string): Promise<void> {
    const routes = (await this.all()).filter((s) => s.vpcId === vpcId);
    const vpcNs = vpcNamespace(vpcId);
    const hostEnd = uplinkName(vpcId);
    if (routes.length === 0) {
      // The pair goes as a whole with either end, and the host's routes through it with it.
      if (await hostLinkExists(hostEnd)) await run('ip', ['link', 'delete', hostEnd]);
      if (existsSync(namespacePath(vpcNs))) await removeUplinkRules(vpcNs);
      return;
    }
    await ensureVpcRouter(vpcNs);
    if (!(await hostLinkExists(hostEnd))) {
      // A router end left by an interrupted attempt is removed first.
      if (await succeeds('ip', ['-n', vpcNs, 'link', 'show', 'dev', ROUTER_UPLINK])) await ipIn(vpcNs, ['link', 'delete', ROUTER_UPLINK]);
      await run('ip', ['link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', ROUTER_UPLINK, 'netns', vpcNs]);
    }
    await run('ip', ['link', 'set', hostEnd, 'up']);
    await ipIn(vpcNs, ['link', 'set', ROUTER_UPLINK, 'up']);
    // Replies to the host (and, with egress, new connections) leave the router by the uplink.
    await ipIn(vpcNs, ['route', 'replace', 'default', 'dev', ROUTER_UPLINK]);
    await applyUplinkRules(vpcNs, routes, this.egress);
    const wanted = new Set(routes.map((r) => r.ip));
    // The router owns each address (so it answers the host's ARP for it); the host routes it there.
    for (const ip of await addressesOn(['-n', vpcNs], ROUTER_UPLINK)) if (!wanted.has(ip)) await ipIn(vpcNs, ['addr', 'delete', `${ip}/32`, 'dev', ROUTER_UPLINK]);
    for (const ip of wanted) await ipIn(vpcNs, ['addr', 'replace', `${ip}/32`, 'dev', ROUTER_UPLINK]);
    for (const ip of await routedOn(hostEnd)) if (!wanted.has(ip)) await run('ip', ['route', 'delete', `${ip}/32`, 'dev', hostEnd]);
    for (const ip of wanted) await run('ip', ['route', 'replace', `${ip}/32`, 'dev', hostEnd]);
  }

  private state(ip: string): Promise<PublicIpState | null> {
    return readJson<PublicIpState>(this.host.layout.publicIpFile(ip));
  }

  private async all(): Promise<PublicIpState[]> {
    const states = await Promise.all((await idsIn(this.host.layout.publicIps)).map((ip) => this.state(ip)));
    return states.filter((s): s is PublicIpState => s !== null);
  }
}

async function addressesOn(where: string[], link: string): Promise<string[]> {
  const [info] = JSON.parse(await run('ip', [...where, '-4', '-j', 'addr', 'show', 'dev', link])) as { addr_info: { local: string }[] }[];
  return (info?.addr_info ?? []).map((a) => a.local);
}

async function routedOn(link: string): Promise<string[]> {
  const routes = JSON.parse(await run('ip', ['-4', '-j', 'route', 'show', 'dev', link])) as { dst: string }[];
  return routes.map((r) => r.dst.replace(/\/32$/, ''));
}
