// Network namespaces, bridges and veth pairs: the wiring of private networks. Reusable by anything
// that needs an isolated environment on a VPC's network (instances, load balancers, databases).
// Every call is idempotent, so a repeated step after a crash is a no-op.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { formatAddress, parseCidr } from '../../net/cidr.js';
import { run, succeeds } from './host-command.js';
import { bridgeName, environmentNamespace, HOST_PREFIX, macAddress, vethName, vpcNamespace } from './names.js';

const NETNS_DIR = '/run/netns';

/** `ip` inside the namespace `ns`. */
export const ipIn = (ns: string, args: readonly string[]) => run('ip', ['-n', ns, ...args]);
/** Any host program run inside the network namespace `ns` (nft, the load balancer proxy…). */
export const execIn = (ns: string, file: string, args: readonly string[], input?: string) =>
  run('ip', ['netns', 'exec', ns, file, ...args], input === undefined ? {} : { input });

export const namespacePath = (ns: string) => `${NETNS_DIR}/${ns}`;

export async function ensureNamespace(ns: string): Promise<void> {
  if (!existsSync(namespacePath(ns))) await run('ip', ['netns', 'add', ns]);
  await ipIn(ns, ['link', 'set', 'lo', 'up']);
}

export async function removeNamespace(ns: string): Promise<void> {
  if (existsSync(namespacePath(ns))) await run('ip', ['netns', 'delete', ns]);
}

/** Our namespaces (and only ours). */
export async function listNamespaces(): Promise<string[]> {
  if (!existsSync(NETNS_DIR)) return [];
  return (await fs.readdir(NETNS_DIR)).filter((name) => name.startsWith(HOST_PREFIX));
}

const linkExists = (ns: string, link: string) => succeeds('ip', ['-n', ns, 'link', 'show', 'dev', link]);

/**
 * A VPC's router: a namespace with no uplink (so no route out and no NAT) that forwards between the
 * VPC's own bridges only.
 */
export async function ensureVpcRouter(ns: string): Promise<void> {
  await ensureNamespace(ns);
  await execIn(ns, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
}

/** The gateway (first usable) address of a network and its prefix length. */
export function gatewayOf(ipRange: string): { gateway: string; prefix: number } {
  const cidr = parseCidr(ipRange);
  if (!cidr) throw new Error(`not a CIDR: ${ipRange}`);
  return { gateway: formatAddress(cidr.base + 1), prefix: cidr.prefix };
}

/** One private network: a bridge in the VPC's namespace that owns the network's gateway address. */
export async function ensureBridge(vpcNs: string, bridge: string, ipRange: string): Promise<void> {
  const { gateway, prefix } = gatewayOf(ipRange);
  if (!(await linkExists(vpcNs, bridge))) await ipIn(vpcNs, ['link', 'add', bridge, 'type', 'bridge']);
  await ipIn(vpcNs, ['addr', 'replace', `${gateway}/${prefix}`, 'dev', bridge]);
  await ipIn(vpcNs, ['link', 'set', bridge, 'up']);
}

export interface Attachment {
  /** The environment's own namespace; its end of the pair is `eth0`. */
  ns: string;
  vpcNs: string;
  bridge: string;
  /** The bridge-side end's name. */
  veth: string;
  /** eth0's MAC address (keep it stable per environment). */
  mac: string;
  address: string;
  ipRange: string;
}

/** Plugs an environment into its network's bridge with its private address and a route via the gateway. */
export async function plugIntoBridge(a: Attachment): Promise<void> {
  const { gateway, prefix } = gatewayOf(a.ipRange);
  if (!(await linkExists(a.ns, 'eth0'))) {
    // A half-made pair from an interrupted attempt is removed first.
    if (await linkExists(a.vpcNs, a.veth)) await ipIn(a.vpcNs, ['link', 'delete', a.veth]);
    await ipIn(a.ns, ['link', 'add', 'eth0', 'address', a.mac, 'type', 'veth', 'peer', 'name', a.veth, 'netns', a.vpcNs]);
  }
  await ipIn(a.vpcNs, ['link', 'set', a.veth, 'master', a.bridge]);
  await ipIn(a.vpcNs, ['link', 'set', a.veth, 'up']);
  await ipIn(a.ns, ['addr', 'replace', `${a.address}/${prefix}`, 'dev', 'eth0']);
  await ipIn(a.ns, ['link', 'set', 'eth0', 'up']);
  await ipIn(a.ns, ['route', 'replace', 'default', 'via', gateway]);
}

/**
 * Gives environment `id` (an instance, a container) a namespace of its own on its network's
 * bridge, with `address`. `fresh` runs once, when the namespace is new and not yet plugged in.
 */
export async function joinNetwork(id: string, network: { id: string; vpcId: string; ipRange: string }, address: string, fresh?: (ns: string) => Promise<void>): Promise<void> {
  const vpcNs = vpcNamespace(network.vpcId);
  const ns = environmentNamespace(id);
  await ensureVpcRouter(vpcNs);
  await ensureBridge(vpcNs, bridgeName(network.id), network.ipRange);
  if (!existsSync(namespacePath(ns))) {
    await ensureNamespace(ns);
    await fresh?.(ns);
  }
  await plugIntoBridge({ ns, vpcNs, bridge: bridgeName(network.id), veth: vethName(id), mac: macAddress(id), address, ipRange: network.ipRange });
}

/** Bytes received and sent by the environment on eth0 (from the kernel's interface counters). */
export async function interfaceCounters(ns: string): Promise<{ rxBytes: number; txBytes: number }> {
  const [link] = JSON.parse(await ipIn(ns, ['-s', '-j', 'link', 'show', 'dev', 'eth0'])) as { stats64: { rx: { bytes: number }; tx: { bytes: number } } }[];
  return { rxBytes: link?.stats64.rx.bytes ?? 0, txBytes: link?.stats64.tx.bytes ?? 0 };
}
