// Simulated load balancers and public-IP routes: delays and on-demand failures like the other sim
// drivers. A balancer's address is derived from its id, so a repeated create gives the same one.
import { createHash } from 'node:crypto';
import type { LoadBalancerSpec, NetworkDriver } from '../network-driver.js';
import { SimFaults } from './faults.js';
import type { SimPublicRoutesStore } from './public-routes-store.js';

export type NetworkOperation = 'create_load_balancer' | 'update_load_balancer' | 'delete_load_balancer' | 'assign_public_ip' | 'unassign_public_ip';

export class SimNetworkDriver implements NetworkDriver {
  /** The simulation carries no traffic, so there is nothing to enforce. */
  readonly enforcesFirewalls = false;
  constructor(
    /** Public address → the instance it routes to, as a real network would hold it (tests read it). */
    readonly publicRoutes: SimPublicRoutesStore,
    private readonly delayMs: number,
    readonly faults = new SimFaults<NetworkOperation>(),
  ) {}

  async createLoadBalancer(spec: LoadBalancerSpec): Promise<{ ip: string }> {
    await this.faults.step('create_load_balancer', this.delayMs);
    // 203.0.113.0/24 is reserved for documentation (RFC 5737): never a real address.
    const digest = createHash('sha256').update(spec.loadBalancerId).digest();
    return { ip: `203.0.113.${(digest[0] as number) % 254 + 1}` };
  }

  async updateLoadBalancer(): Promise<void> {
    await this.faults.step('update_load_balancer', this.delayMs);
  }

  async deleteLoadBalancer(): Promise<void> {
    await this.faults.step('delete_load_balancer', this.delayMs);
  }

  async applyFirewall(): Promise<boolean> {
    return true;
  }

  async assignPublicIp(ip: string, instanceId: string): Promise<void> {
    await this.faults.step('assign_public_ip', this.delayMs);
    await this.publicRoutes.route(ip, instanceId);
  }

  async unassignPublicIp(ip: string): Promise<void> {
    await this.faults.step('unassign_public_ip', this.delayMs);
    await this.publicRoutes.remove(ip);
  }
}
