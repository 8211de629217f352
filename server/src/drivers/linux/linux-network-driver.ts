// Firewalls as nftables rules in each instance's namespace, and load balancers as real TCP proxies
// inside their VPC's namespace.
import { existsSync } from 'node:fs';
import { DriverError } from '../compute-driver.js';
import type { FirewallPolicy, LoadBalancerSpec, NetworkDriver } from '../network-driver.js';
import { environmentNamespace } from './names.js';
import { namespacePath } from './namespaces.js';
import { applyPolicy } from './nftables.js';
import type { LoadBalancers } from './load-balancers.js';

export class LinuxNetworkDriver implements NetworkDriver {
  readonly enforcesFirewalls = true;

  constructor(private readonly balancers: LoadBalancers) {}

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

  // Host routing and NAT of public addresses is not built yet on this driver: the action fails
  // for good (not retried) and the reserved IP stays where it was, rather than claiming a route.
  async assignPublicIp(): Promise<void> {
    throw new DriverError('Reserved IPs are not routed by the linux driver yet', false);
  }

  async unassignPublicIp(): Promise<void> {}
}
