// Every host object the linux driver makes carries the `cnx-` prefix, and only objects with it are
// ever listed, changed or removed. Interface names are limited to 15 bytes, so they use a hash.
import { createHash } from 'node:crypto';

export const HOST_PREFIX = 'cnx-';

const shortHash = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 8);

/** Network namespace of one VPC: it holds the VPC's bridges and load balancers. */
export const vpcNamespace = (vpcId: string) => `${HOST_PREFIX}${vpcId}`;
/** Network namespace of one instance (or any other environment with its own network). */
export const environmentNamespace = (id: string) => `${HOST_PREFIX}${id}`;
/** The bridge of one private network, inside its VPC's namespace. */
export const bridgeName = (networkId: string) => `${HOST_PREFIX}b${shortHash(networkId)}`;
/** The bridge-side end of an environment's veth pair (the environment's end is eth0). */
export const vethName = (id: string) => `${HOST_PREFIX}v${shortHash(id)}`;
/** The host's end of a VPC's uplink, the veth pair that carries its public addresses' traffic. */
export const uplinkName = (vpcId: string) => `${HOST_PREFIX}u${shortHash(vpcId)}`;
/** The cgroup holding every process of one environment or proxy. */
export const cgroupName = (id: string) => `${HOST_PREFIX}${id}`;

/** The resource id back from a namespace or cgroup name; null for names that are not ours. */
export function idFromHostName(name: string): string | null {
  return name.startsWith(HOST_PREFIX) ? name.slice(HOST_PREFIX.length) : null;
}

/**
 * A stable, locally administered MAC for an environment's eth0: when its link is made again (after a
 * host reboot), neighbours' ARP caches still point at it.
 */
export function macAddress(id: string): string {
  const bytes = createHash('sha256').update(`mac:${id}`).digest().subarray(0, 5);
  return ['02', ...[...bytes].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
