// Load balancers: placed in a VPC, sending traffic to instances of that VPC; built and changed by
// the engine through the network driver, one action at a time.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { checkQuota } from '../accounts/quotas.js';
import { Operations } from '../actions/operations.js';
import { ActionsService } from '../actions/service.js';
import { LOAD_BALANCER_TRANSITIONS, type LoadBalancerOperation, type LoadBalancerStatus } from './lifecycle.js';
import { instancesInVpc } from '../instances/queries.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { findVpc } from '../vpcs/queries.js';
import { LoadBalancersStore, type LoadBalancerRow } from './store.js';
import type { ApiError, ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';

export interface ForwardingRule {
  entry_protocol: string;
  entry_port: number;
  target_protocol: string;
  target_port: number;
}
export interface HealthCheck {
  protocol: string;
  port: number;
  path?: string;
  interval_seconds?: number;
  timeout_seconds?: number;
  healthy_threshold?: number;
  unhealthy_threshold?: number;
}
export interface Targets {
  instance_ids?: string[];
  label_selector?: string;
}
export interface LoadBalancerSettings {
  algorithm?: string;
  forwarding_rules: ForwardingRule[];
  health_check?: HealthCheck;
  targets: Targets;
}
export interface NewLoadBalancer extends LoadBalancerSettings {
  name: string;
  vpc_id: string;
  labels?: Record<string, string>;
}

export type LoadBalancer = ReturnType<typeof present>;

export class LoadBalancersService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
  ) {
    this.operations = new Operations(context);
  }

  async create(caller: Caller, input: NewLoadBalancer, within: Within<LoadBalancer>): Promise<LoadBalancer> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const vpc = await findVpc(this.context.database.db, caller.accountId, input.vpc_id);
    if (!vpc) throw validationFailed([{ field: 'vpc_id', message: `Unknown VPC ${input.vpc_id}` }]);
    assertRegionAccess(caller, vpc.region);
    const settings = await this.validate(caller.accountId, vpc.id, input);
    const now = storedTime(this.context.clock());
    const actionId = ActionsService.newId();
    const row: LoadBalancerRow = {
      id: newId('lb'),
      account_id: caller.accountId,
      name: input.name,
      region: vpc.region,
      vpc_id: vpc.id,
      ...settings,
      status: 'provisioning',
      ip: null,
      action_id: actionId,
      created_at: now,
      updated_at: now,
    };
    const balancer = present(row, input.labels ?? {});
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { load_balancers: 1 });
        await new LoadBalancersStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'load_balancer', resourceId: row.id }, actionId);
        await this.context.events.record(trx, caller, 'load_balancer.created', row.id, { ...balancer, action_id: actionId });
        await within(trx, balancer);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, vpc.region);
      throw error;
    }
    this.context.poke();
    return balancer;
  }

  async list(caller: AuthContext, query: { region?: string; vpc_id?: string; label_selector?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<LoadBalancer>> {
    const request = cursors.request('load_balancers', query);
    const rows = await new LoadBalancersStore(this.context.database.db).list(
      caller.accountId,
      { region: query.region, vpc_id: query.vpc_id, regions: caller.regions, selector: parseLabelSelector(query.label_selector ?? '') },
      request,
    );
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('load_balancers', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<LoadBalancer> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  /** Replaces the settings (through an `update` action) or deletes the balancer: 202 material, or 409. */
  async operate(caller: Caller, id: string, operation: LoadBalancerOperation, input?: LoadBalancerSettings) {
    const row = await this.owned(caller, id);
    const params = input ? await this.validate(caller.accountId, row.vpc_id, input) : {};
    const transition = LOAD_BALANCER_TRANSITIONS[operation];
    return this.operations.start({
      caller,
      resourceType: 'load_balancer',
      resource: { id, status: row.status as LoadBalancerStatus },
      type: operation,
      transition,
      params,
      events: { requested: `load_balancer.${operation}_requested`, requestedData: {}, statusChanged: 'load_balancer.status_changed' },
      begin: (trx, actionId) => new LoadBalancersStore(trx).begin(caller.accountId, id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      whyNot: async () => {
        const now = await this.owned(caller, id);
        return apiError('resource_busy', now.action_id ? `Load balancer is busy with action ${now.action_id}; retry when it completes` : `Cannot ${operation} a load balancer that is ${now.status}`);
      },
    });
  }

  /** A merge-patch of the name and labels: no action, whatever the balancer is doing. */
  async patch(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<LoadBalancer> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'load_balancer.updated',
      labelled: true,
      save: (trx, changes, at) => new LoadBalancersStore(trx).patch(id, changes, at),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  private async owned(caller: AuthContext, id: string): Promise<LoadBalancerRow> {
    const row = await new LoadBalancersStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Load balancer ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  /** Semantic checks (422) and defaults; returns the settings as stored. */
  private async validate(accountId: string, vpcId: string, input: LoadBalancerSettings) {
    const problems: ErrorDetail[] = [];
    const seen = new Map<number, number>();
    input.forwarding_rules.forEach((rule, i) => {
      const first = seen.get(rule.entry_port);
      if (first !== undefined) problems.push({ field: `forwarding_rules[${i}].entry_port`, message: `Port ${rule.entry_port} is already used by forwarding_rules[${first}]` });
      else seen.set(rule.entry_port, i);
    });
    if (input.targets.label_selector !== undefined) parseLabelSelector(input.targets.label_selector);
    const ids = input.targets.instance_ids ?? [];
    if (ids.length > 0) {
      const inVpc = new Set((await instancesInVpc(this.context.database.db, accountId, vpcId, { ids, selector: [] })).map((i) => i.id));
      ids.forEach((id, i) => {
        if (!inVpc.has(id)) problems.push({ field: `targets.instance_ids[${i}]`, message: `Instance ${id} is not in this load balancer's VPC` });
      });
    }
    if (problems.length > 0) throw validationFailed(problems);
    const firstTarget = input.forwarding_rules[0] as ForwardingRule;
    const healthCheck: HealthCheck = {
      interval_seconds: 10,
      timeout_seconds: 5,
      healthy_threshold: 3,
      unhealthy_threshold: 3,
      ...(input.health_check ?? { protocol: 'tcp', port: firstTarget.target_port }),
    };
    if (healthCheck.protocol === 'http') healthCheck.path ??= '/';
    return {
      algorithm: input.algorithm ?? 'round_robin',
      forwarding_rules: JSON.stringify(input.forwarding_rules),
      health_check: JSON.stringify(healthCheck),
      targets: JSON.stringify(input.targets),
    };
  }
}

function nameTaken(name: string, region: string): ApiError {
  return apiError('name_taken', `A load balancer named ${name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}

function present(row: LoadBalancerRow, labels: Record<string, string>) {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    vpc_id: row.vpc_id,
    algorithm: row.algorithm as 'round_robin' | 'least_connections',
    forwarding_rules: JSON.parse(row.forwarding_rules) as ForwardingRule[],
    health_check: JSON.parse(row.health_check) as HealthCheck,
    targets: JSON.parse(row.targets) as Targets,
    status: row.status as 'provisioning' | 'active' | 'deleting',
    ip: row.ip,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
