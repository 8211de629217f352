// Firewalls: inbound is denied unless a rule allows it. Rules and targets are validated here; an
// instance's effective rules are the union of every firewall that applies to it.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { checkQuota } from '../accounts/quotas.js';
import { validateLabels } from '../../labels/labels.js';
import { LabelsStore } from '../../labels/store.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { ownedInstanceIds } from '../instances/queries.js';
import type { InstancesService } from '../instances/service.js';
import { parseCidr } from '../../net/cidr.js';
import { FirewallsStore, type FirewallRow } from './store.js';
import { appliesTo, type ApplyTo, type Peers } from './targeting.js';
import { ApiError, type ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';

type Protocol = 'tcp' | 'udp' | 'icmp';
export interface InboundRule {
  protocol: Protocol;
  ports?: string;
  sources: Peers;
}
export interface OutboundRule {
  protocol: Protocol;
  ports?: string;
  destinations: Peers;
}

export interface FirewallInput {
  name: string;
  inbound_rules: InboundRule[];
  outbound_rules?: OutboundRule[];
  apply_to: ApplyTo;
  labels?: Record<string, string>;
}

export interface Firewall extends Required<FirewallInput> {
  id: string;
  created_at: string;
  updated_at: string;
}

export class FirewallsService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'database' | 'db' | 'events'>,
    private readonly uses: { instances: InstancesService },
  ) {}

  async create(caller: Caller, input: FirewallInput, within: Within<Firewall>): Promise<Firewall> {
    await this.validate(caller, input);
    const now = storedTime(this.context.clock());
    const row: FirewallRow = { id: newId('fw'), account_id: caller.accountId, ...serialize(input), created_at: now, updated_at: now };
    const firewall = present(row, input.labels ?? {});
    await this.unique(input.name, () =>
      this.context.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { firewalls: 1 });
        await new FirewallsStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.events.record(trx, caller, 'firewall.created', row.id, firewall);
        await within(trx, firewall);
      }),
    );
    return firewall;
  }

  async list(caller: AuthContext, query: { label_selector?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Firewall>> {
    const request = cursors.request('firewalls', query);
    const rows = await new FirewallsStore(this.context.db).list(caller.accountId, parseLabelSelector(query.label_selector ?? ''), request);
    const labels = await new LabelsStore(this.context.db).forResources(rows.map((r) => r.id));
    return cursors.page('firewalls', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<Firewall> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.db).forResources([id])).get(id) ?? {});
  }

  async replace(caller: Caller, id: string, input: FirewallInput): Promise<Firewall> {
    const row = await this.owned(caller, id);
    await this.validate(caller, input);
    const changes = { ...serialize(input), updated_at: storedTime(this.context.clock()) };
    const firewall = present({ ...row, ...changes }, input.labels ?? {});
    await this.unique(input.name, () =>
      this.context.db.transaction().execute(async (trx) => {
        await new FirewallsStore(trx).replace(caller.accountId, id, changes);
        await new LabelsStore(trx).replace(id, input.labels ?? {});
        await this.context.events.record(trx, caller, 'firewall.updated', id, firewall);
      }),
    );
    return firewall;
  }

  /** A merge-patch of the name and labels; the rules and targets stay as they are. */
  async patch(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<Firewall> {
    await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'firewall.updated',
      labelled: true,
      save: (trx, changes, at) => new FirewallsStore(trx).patch(id, changes, at),
      nameTaken,
    }, patch);
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const deleted = await this.context.db.transaction().execute(async (trx) => {
      if (!(await new FirewallsStore(trx).remove(caller.accountId, id))) return false;
      await new LabelsStore(trx).remove(id);
      await this.context.events.record(trx, caller, 'firewall.deleted', id, {});
      return true;
    });
    if (!deleted) throw notFound(`Firewall ${id}`);
  }

  /** The rules an instance ends up with: every rule of every firewall that applies to it. */
  async effectiveRules(caller: AuthContext, instanceId: string) {
    const instance = await this.uses.instances.get(caller, instanceId);
    const applying = (await new FirewallsStore(this.context.db).allOf(caller.accountId)).filter((row) => appliesTo(row, instance));
    const inbound = applying.flatMap((row) => (JSON.parse(row.inbound_rules) as InboundRule[]).map((rule) => ({ firewall_id: row.id, ...rule, ports: rule.ports ?? null })));
    const outbound = applying.flatMap((row) => (JSON.parse(row.outbound_rules) as OutboundRule[]).map((rule) => ({ firewall_id: row.id, ...rule, ports: rule.ports ?? null })));
    return {
      instance_id: instance.id,
      default_inbound: 'deny' as const,
      // Outbound is open until some firewall restricts it; then only its rules allow traffic out.
      default_outbound: outbound.length > 0 ? ('deny' as const) : ('allow' as const),
      firewall_ids: applying.map((row) => row.id),
      inbound,
      outbound,
    };
  }

  private async owned(caller: AuthContext, id: string): Promise<FirewallRow> {
    const row = await new FirewallsStore(this.context.db).find(caller.accountId, id);
    if (!row) throw notFound(`Firewall ${id}`);
    return row;
  }

  private async unique(name: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  /** Malformed rules are 400s; instance ids the account does not own are 422s. */
  private async validate(caller: AuthContext, input: FirewallInput): Promise<void> {
    const malformed: ErrorDetail[] = [...validateLabels(input.labels ?? {})];
    const instanceIds: [string, string][] = [];
    const checkPeers = (peers: Peers, field: string) => {
      peers.addresses?.forEach((cidr, i) => {
        if (!parseCidr(cidr)) malformed.push({ field: `${field}.addresses[${i}]`, message: 'Not an IPv4 CIDR (host bits must be zero)' });
      });
      peers.instance_ids?.forEach((id, i) => instanceIds.push([`${field}.instance_ids[${i}]`, id]));
      if (peers.label_selector !== undefined) parseSelectorAt(peers.label_selector, `${field}.label_selector`, malformed);
    };
    const checkRule = (rule: InboundRule | OutboundRule, field: string) => {
      if (rule.protocol === 'icmp' && rule.ports !== undefined) malformed.push({ field: `${field}.ports`, message: 'icmp has no ports' });
      if (rule.protocol !== 'icmp' && rule.ports === undefined) malformed.push({ field: `${field}.ports`, message: `Required for ${rule.protocol}` });
      if (rule.ports !== undefined) {
        const [from, to = from] = rule.ports.split('-').map(Number) as [number, number?];
        if (from < 1 || (to as number) > 65535 || from > (to as number)) malformed.push({ field: `${field}.ports`, message: 'Ports run from 1 to 65535, low to high' });
      }
    };
    input.inbound_rules.forEach((rule, i) => {
      checkRule(rule, `inbound_rules[${i}]`);
      checkPeers(rule.sources, `inbound_rules[${i}].sources`);
    });
    (input.outbound_rules ?? []).forEach((rule, i) => {
      checkRule(rule, `outbound_rules[${i}]`);
      checkPeers(rule.destinations, `outbound_rules[${i}].destinations`);
    });
    input.apply_to.instance_ids?.forEach((id, i) => instanceIds.push([`apply_to.instance_ids[${i}]`, id]));
    if (input.apply_to.label_selector !== undefined) parseSelectorAt(input.apply_to.label_selector, 'apply_to.label_selector', malformed);
    if (malformed.length > 0) throw invalidRequest('Invalid firewall', malformed);

    const owned = await ownedInstanceIds(this.context.db, caller.accountId, [...new Set(instanceIds.map(([, id]) => id))]);
    const unknown = instanceIds.filter(([, id]) => !owned.has(id)).map(([field, id]) => ({ field, message: `Unknown instance ${id}` }));
    if (unknown.length > 0) throw validationFailed(unknown);
  }
}

function parseSelectorAt(text: string, field: string, problems: ErrorDetail[]): void {
  try {
    parseLabelSelector(text);
  } catch (error) {
    const message = error instanceof ApiError ? (error.details[0]?.message ?? error.message) : 'Invalid label selector';
    problems.push({ field, message });
  }
}

function serialize(input: FirewallInput) {
  return {
    name: input.name,
    inbound_rules: JSON.stringify(input.inbound_rules),
    outbound_rules: JSON.stringify(input.outbound_rules ?? []),
    apply_to: JSON.stringify(input.apply_to),
  };
}

function present(row: FirewallRow, labels: Record<string, string>): Firewall {
  return {
    id: row.id,
    name: row.name,
    inbound_rules: JSON.parse(row.inbound_rules) as InboundRule[],
    outbound_rules: JSON.parse(row.outbound_rules) as OutboundRule[],
    apply_to: JSON.parse(row.apply_to) as ApplyTo,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}

function nameTaken(name: string): ApiError {
  return apiError('name_taken', `A firewall named ${name} already exists`, [{ field: 'name', message: 'Already in use' }]);
}
