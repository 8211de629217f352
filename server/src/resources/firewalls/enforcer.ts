// Keeps each instance's enforced rules equal to what its firewalls say. Firewalls change without an
// action (they are plain writes), so this runs on the worker's tick, at most once a second, works out
// every instance's policy and pushes only the ones that changed since the last push.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { FirewallPolicy, NetworkDriver, PolicyRule } from '../../drivers/network-driver.js';
import { addressedInstances } from '../instances/queries.js';
import { LabelsStore } from '../../labels/store.js';
import type { InboundRule, OutboundRule } from './service.js';
import { FirewallsStore } from './store.js';
import { appliesTo, peerAddresses } from './targeting.js';

const EVERY_MS = 1000;

export class FirewallEnforcer {
  private readonly applied = new Map<string, string>();
  private lastRun = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly driver: NetworkDriver,
    private readonly clock: Clock,
  ) {}

  async tick(): Promise<void> {
    if (this.clock() - this.lastRun < EVERY_MS) return;
    this.lastRun = this.clock();
    const rows = await addressedInstances(this.db);
    const labels = await new LabelsStore(this.db).forResources(rows.map((r) => r.id));
    const instances = rows.map((r) => ({ ...r, labels: labels.get(r.id) ?? {} }));
    const firewalls = new FirewallsStore(this.db);
    const byAccount = new Map<string, Awaited<ReturnType<FirewallsStore['allOf']>>>();
    for (const instance of instances) {
      if (!byAccount.has(instance.account_id)) byAccount.set(instance.account_id, await firewalls.allOf(instance.account_id));
      const peers = instances.filter((i) => i.account_id === instance.account_id);
      const applying = (byAccount.get(instance.account_id) ?? []).filter((row) => appliesTo(row, instance));
      const inbound = applying.flatMap((row) => (JSON.parse(row.inbound_rules) as InboundRule[]).map((rule): PolicyRule => ({ protocol: rule.protocol, ports: rule.ports ?? null, peers: peerAddresses(rule.sources, peers) })));
      const outbound = applying.flatMap((row) => (JSON.parse(row.outbound_rules) as OutboundRule[]).map((rule): PolicyRule => ({ protocol: rule.protocol, ports: rule.ports ?? null, peers: peerAddresses(rule.destinations, peers) })));
      const policy: FirewallPolicy = { inbound, outbound, restrictOutbound: outbound.length > 0 };
      const text = JSON.stringify(policy);
      if (this.applied.get(instance.id) === text) continue;
      if (await this.driver.applyFirewall(instance.id, policy)) this.applied.set(instance.id, text);
    }
  }
}
