// Firewalls as nftables rules in each instance's namespace, load balancers as real TCP proxies
// inside their VPC's namespace, and public addresses routed from the host into that namespace.
import { existsSync } from 'node:fs';
import type { FirewallPolicy, LoadBalancerSpec, NetworkDriver } from '../network-driver.js';
import { environmentNamespace } from './names.js';
import { namespacePath } from './namespaces.js';
import { applyPolicy } from './nftables.js';
import type { LoadBalancers } from './load-balancers.js';
import type { PublicIps } from './public-ips.js';

export class LinuxNetworkDriver implements NetworkDriver {
  readonly enforcesFirewalls = true;

  constructor(
    private readonly balancers: LoadBalancers,
    private readonly publicIps: PublicIps,
  ) {}

  async applyFirewall(instanceId: string, policy: FirewallPolicy): Promise<boolean> {
    const ns = environmentNamespace(instanceId);
    if (!existsSync(namespacePath(ns))) return false;
    await applyPolicy(ns, policy);
    return true;
  }

  createLoadBalancer(spec: LoadBalancerSpec): Promise<{ ip: string }> {
    return this.balancers.ensure(spec);
  }

  async updateLoadBalancer(spec: LoadBalancerSpec): Promise<void> {
    await this.balancers.ensure(spec);
  }

  deleteLoadBalancer(loadBalancerId: string): Promise<void> {
    return this.balancers.remove(loadBalancerId);
  }

  assignPublicIp(ip: string, instanceId: string): Promise<void> {
    return this.publicIps.assign(ip, instanceId);
  }

  unassignPublicIp(ip: string): Promise<void> {
    return this.publicIps.unassign(ip);
  }
}
