// Where webhooks may send: public addresses only, unless the operator allows private ones. Checked
// when a webhook is saved and again on every delivery against the address DNS gives then (a name
// can be re-pointed at an internal address after it was saved: DNS rebinding); the delivery then
// connects to exactly the address that was checked.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook must not reach: the server's own host and the networks around it. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", including the unspecified 0.0.0.0
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64, likewise
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');
// IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) need no rule of their own: BlockList checks them
// against the IPv4 rules above.

export class RefusedTarget extends Error {}

export interface Target {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<Target[]>;

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));

export class TargetPolicy {
  constructor(
    private readonly allowPrivate: boolean,
    private readonly resolver: Resolver = systemResolver,
  ) {}

  /** The address to connect to for `url`; RefusedTarget when it is not https, does not resolve, or is internal. */
  async resolve(url: string): Promise<Target> {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || parsed.protocol !== 'https:') throw new RefusedTarget('Must be an https:// URL');
    if (parsed.username || parsed.password) throw new RefusedTarget('Must not carry credentials');
    const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(hostname);
    let targets: Target[];
    if (literal !== 0) targets = [{ address: hostname, family: literal as 4 | 6 }];
    else {
      try {
        targets = await this.resolver(hostname);
      } catch {
        throw new RefusedTarget(`${hostname} does not resolve`);
      }
    }
    const first = targets[0];
    if (!first) throw new RefusedTarget(`${hostname} does not resolve`);
    // Every address must be allowed: a name that also resolves inside could be steered there.
    const internal = targets.find((t) => INTERNAL.check(t.address, t.family === 4 ? 'ipv4' : 'ipv6'));
    if (internal && !this.allowPrivate) {
      throw new RefusedTarget(`${hostname} resolves to ${internal.address}, a loopback, private, link-local or otherwise internal address`);
    }
    return first;
  }
}
