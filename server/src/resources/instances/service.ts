// Instances: validation against the catalogs, quotas, tenancy, and the lifecycle, which starts
// actions for the engine to carry out.
import { apiTime, storedTime } from '../../clock.js';
import type { Db, Within } from '../../db/database.js';
import { parseJsonArray, parseJsonObject } from '../../db/json-aggregate.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { ComputeDriver, MetricType } from '../../drivers/compute-driver.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import type { EventType } from '../events/types.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import { checkQuota } from '../accounts/quotas.js';
import { Operations, type Accepted as OperationAccepted } from '../actions/operations.js';
import { ActionsService, type Action } from '../actions/service.js';
import { plans, regions } from '../catalog/catalogs.js';
import type { ImagesService } from '../images/service.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import type { SshKeysService } from '../ssh-keys/service.js';
import { illegalTransition, TRANSITIONS, type InstanceOperation, type InstanceStatus } from './lifecycle.js';
import { InstancesStore, type InstanceRow, type ListedInstanceRow, type ShownInstanceRow } from './store.js';
import { publicAddressesOf, reservePublicIp } from '../reserved-ips/queries.js';
import { attachedVolumes } from '../volumes/queries.js';
import type { VpcsService } from '../vpcs/service.js';
import type { NetworksService } from '../networks/service.js';
import { allocateAddress } from '../networks/ipam.js';
import { metricsRange, presentMetrics, type MetricsRangeQuery } from '../metrics/series.js';
import { ApiError, type ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';
import type { Context } from '../module.js';
import { assertNotProtected, presentProtection, protectionChanges, protectionColumns, type Protection } from '../protection.js';

const MAX_USER_DATA_BYTES = 64 * 1024;

const REQUESTED: Record<InstanceOperation, EventType> = {
  restart: 'instance.restart_requested',
  stop: 'instance.stop_requested',
  shutdown: 'instance.shutdown_requested',
  power_cycle: 'instance.power_cycle_requested',
  start: 'instance.start_requested',
  resize: 'instance.resize_requested',
  snapshot: 'instance.snapshot_requested',
  rebuild: 'instance.rebuild_requested',
  delete: 'instance.delete_requested',
};

export interface Instance {
  id: string;
  name: string;
  region: string;
  status: InstanceStatus;
  cpu: number;
  memory_gb: number;
  ipv4: string | null;
  public_ipv4: string | null;
  network_id: string | null;
  plan: string;
  image: string;
  ssh_keys: string[];
  volume_ids: string[];
  labels: Record<string, string>;
  protection: Protection;
  created_at: string;
  updated_at: string;
}

export interface NewInstance {
  name: string;
  region: string;
  plan: string;
  image: string;
  ssh_keys?: string[];
  user_data?: string;
  labels?: Record<string, string>;
  network_id?: string;
  protection?: Partial<Protection>;
  public_ip?: boolean;
}

export interface InstanceQuery {
  region?: string;
  status?: string;
  name?: string;
  label_selector?: string;
  limit?: number;
  cursor?: string;
}

export type Accepted = OperationAccepted<InstanceStatus>;
export type SnapshotAccepted = Accepted & { image_id: string };

export class InstancesService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'config' | 'database' | 'events' | 'poke'>,
    private readonly uses: { driver: ComputeDriver; sshKeys: SshKeysService; vpcs: VpcsService; networks: NetworksService; images: ImagesService },
  ) {
    this.operations = new Operations(context);
  }

  async list(caller: AuthContext, query: InstanceQuery, cursors: Cursors): Promise<Page<Instance>> {
    const request = cursors.request('instances', query);
    const selector = parseLabelSelector(query.label_selector ?? '');
    const rows = await new InstancesStore(this.context.database.db).list(
      caller.accountId,
      { region: query.region, status: query.status, name: query.name, regions: caller.regions, selector },
      request,
      this.context.database,
    );
    const presentListed = (r: ListedInstanceRow) => present(r, parseJsonObject<string>(r.labels), parseJsonArray(r.volume_ids), r.public_ipv4);
    return cursors.page('instances', request, rows, (r) => [r.created_at, r.id], presentListed);
  }

  async get(caller: AuthContext, id: string): Promise<Instance> {
    const row = await this.owned(caller, id);
    return (await this.related([row.id]))(row);
  }

  /** Loads the labels, attached volumes and public addresses of instances in three queries, and presents them. */
  private async related(ids: string[]): Promise<(row: ShownInstanceRow) => Instance> {
    const { db } = this.context.database;
    const [labels, volumes, publicIps] = await Promise.all([new LabelsStore(db).forResources(ids), attachedVolumes(db, ids), publicAddressesOf(db, ids)]);
    return (row) => present(row, labels.get(row.id) ?? {}, volumes.get(row.id) ?? [], publicIps.get(row.id) ?? null);
  }

  async create(caller: Caller, input: NewInstance, within: Within<Instance>): Promise<Instance> {
    const plan = await this.validateCreate(caller, input);
    // The given network, else the region's default one (made on first use).
    const network = input.network_id
      ? await this.uses.networks.forInstance(caller, input.network_id, input.region)
      : await this.uses.vpcs.defaultNetwork(caller.accountId, input.region);
    const now = storedTime(this.context.clock());
    const actionId = ActionsService.newId();
    const row: InstanceRow = {
      id: newId('inst'),
      account_id: caller.accountId,
      name: input.name,
      region: input.region,
      plan: plan.id,
      image: input.image,
      status: 'provisioning',
      cpu: plan.cpu,
      memory_gb: plan.memory_gb,
      ipv4: null,
      user_data: input.user_data ?? null,
      ssh_key_ids: JSON.stringify(input.ssh_keys ?? []),
      network_id: network.id,
      action_id: actionId,
      ...protectionColumns(input.protection),
      created_at: now,
      updated_at: now,
    };
    let instance = present(row, input.labels ?? {}, [], null);
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        const { kind } = this.context.database;
        await checkQuota(trx, kind, caller.accountId, { instances: 1, vcpus: plan.cpu });
        await new InstancesStore(trx).insert(row);
        await allocateAddress(trx, kind, network.id, row.id);
        if (input.public_ip) {
          const reserved = await reservePublicIp(trx, kind, this.context.config.publicIpPool, this.context.clock, { accountId: caller.accountId, region: row.region, instanceId: row.id });
          await this.context.events.record(trx, caller, 'reserved_ip.created', reserved.id, { ip: reserved.ip, region: reserved.region, instance_id: row.id });
          instance = { ...instance, public_ipv4: reserved.ip };
        }
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'instance', resourceId: row.id }, actionId);
        await this.context.events.record(trx, caller, 'instance.created', row.id, { ...instance, action_id: actionId });
        await within(trx, instance);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw nameTaken(input.name, input.region);
      }
      throw error;
    }
    this.context.poke();
    return instance;
  }

  /** Starts a power operation, a resize or a delete: 202 material, or a 409 when the instance cannot. */
  async operate(caller: Caller, id: string, operation: Exclude<InstanceOperation, 'snapshot' | 'rebuild'>, newPlan?: string): Promise<Accepted> {
    const row = await this.owned(caller, id);
    if (operation === 'delete') {
      assertNotProtected('Instance', row, 'delete');
      const attached = (await attachedVolumes(this.context.database.db, [id])).get(id) ?? [];
      if (attached.length > 0) throw apiError('has_dependents', `Instance has volumes attached (${attached.join(', ')}); detach them first`);
    }
    const params: Record<string, unknown> = { previous_status: row.status };
    if (operation === 'resize') {
      const plan = plans.find(newPlan ?? '');
      if (!plan) throw validationFailed([{ field: 'plan', message: 'Unknown plan' }]);
      if (plan.id === row.plan) throw apiError('already_in_state', `Instance already has plan ${plan.id}`);
      if (plan.cpu > row.cpu) await checkQuota(this.context.database.db, this.context.database.kind, caller.accountId, { vcpus: plan.cpu - row.cpu });
      Object.assign(params, { plan: plan.id, cpu: plan.cpu, memory_gb: plan.memory_gb });
    }
    return this.start(caller, row, operation, params);
  }

  /**
   * Captures the instance's disk as a custom image. A stopped instance's disk is still; a running
   * one's is copied as it is, so the caller has to say that a crash-consistent copy will do.
   */
  async snapshot(caller: Caller, id: string, input: { name: string; crash_consistent?: boolean }, within: Within<SnapshotAccepted>): Promise<SnapshotAccepted> {
    const row = await this.owned(caller, id);
    if (row.status === 'running' && row.action_id === null && input.crash_consistent !== true) {
      throw apiError('invalid_state', 'The instance is running: stop it first, or pass crash_consistent: true to copy its disk as it is', [
        { field: 'crash_consistent', message: 'Must be true to snapshot a running instance' },
      ]);
    }
    const image = { id: newId('img'), name: input.name };
    try {
      const accepted = await this.start(caller, row, 'snapshot', { previous_status: row.status, image_id: image.id }, async (trx, actionId) => {
        await this.uses.images.record(trx, caller, row, image, actionId);
        await within(trx, { id, status: row.status as InstanceStatus, message: TRANSITIONS.snapshot.message, action_id: actionId, image_id: image.id });
      });
      return { ...accepted, image_id: image.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw apiError('name_taken', `An image named ${input.name} already exists`, [{ field: 'name', message: 'Already in use by one of your images' }]);
      throw error;
    }
  }

  /** Re-images the instance from an OS or custom image; it keeps its id, address and volumes. */
  async rebuild(caller: Caller, id: string, image: string): Promise<Accepted> {
    const row = await this.owned(caller, id);
    assertNotProtected('Instance', row, 'rebuild');
    const problem = await this.uses.images.unusable(caller, image, row.region);
    if (problem) throw validationFailed([problem]);
    const params = { previous_status: row.status, previous_image: row.image, image };
    return this.start(caller, row, 'rebuild', params, (trx) => new InstancesStore(trx).setImage(id, image));
  }

  private start(caller: Caller, row: InstanceRow, operation: InstanceOperation, params: Record<string, unknown>, alsoIn?: (trx: Db, actionId: string) => Promise<void>): Promise<Accepted> {
    const transition = TRANSITIONS[operation];
    return this.operations.start({
      caller,
      resourceType: 'instance',
      resource: { id: row.id, status: row.status as InstanceStatus },
      type: operation,
      transition,
      params,
      events: { requested: REQUESTED[operation], statusChanged: 'instance.status_changed' },
      begin: (trx, actionId) => new InstancesStore(trx).begin(caller.accountId, row.id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      alsoIn,
      whyNot: () => this.whyNot(caller, row.id, operation),
    });
  }

  async listActions(caller: AuthContext, id: string, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Action>> {
    await this.owned(caller, id);
    return this.context.actions.list(caller.accountId, { resource_id: id }, query, cursors);
  }

  async console(caller: AuthContext, id: string): Promise<{ instance_id: string; output: string }> {
    const row = await this.owned(caller, id);
    return { instance_id: row.id, output: await this.uses.driver.console(row.id) };
  }

  async metrics(caller: AuthContext, id: string, query: { type: MetricType } & MetricsRangeQuery) {
    const row = await this.owned(caller, id);
    const range = metricsRange(query, this.context.clock);
    const series = await this.uses.driver.metrics(row.id, { type: query.type, ...range });
    return { instance_id: row.id, type: query.type, ...presentMetrics(range, series) };
  }

  /** A merge-patch of the name and labels; no action, the instance keeps running as it is. */
  async update(caller: Caller, id: string, patch: NameAndLabelsPatch & { protection?: Partial<Protection> }): Promise<Instance> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'instance.updated',
      labelled: true,
      // Protection merges flag by flag: one the patch leaves out keeps its value.
      save: (trx, { protection, ...changes }, at) => new InstancesStore(trx).patch(id, { ...changes, ...(protection ? protectionChanges(protection) : {}) }, at),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  /** The caller's instance: another account's is a 404; one outside the key's regions is a 403. */
  private async owned(caller: AuthContext, id: string): Promise<InstanceRow> {
    const row = await new InstancesStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Instance ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private async whyNot(caller: AuthContext, id: string, operation: InstanceOperation): Promise<ApiError> {
    const row = await this.owned(caller, id);
    if (row.action_id !== null) return apiError('resource_busy', `Instance is busy (${row.status}) with action ${row.action_id}; retry when it completes`);
    return illegalTransition(operation, row.status);
  }

  private async validateCreate(caller: AuthContext, input: NewInstance) {
    // Label syntax is malformed input (400), like the schema's own checks; the rest is semantic (422).
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const problems: ErrorDetail[] = [];
    const region = regions.find(input.region);
    if (!region) problems.push({ field: 'region', message: 'Invalid region identifier' });
    else if (!region.available) problems.push({ field: 'region', message: 'Region is not accepting new resources' });
    const plan = plans.find(input.plan);
    if (!plan) problems.push({ field: 'plan', message: 'Unknown plan' });
    const imageProblem = await this.uses.images.unusable(caller, input.image, input.region);
    if (imageProblem) problems.push(imageProblem);
    problems.push(...(await this.uses.sshKeys.assertOwned(caller.accountId, input.ssh_keys ?? [])));
    if (input.user_data !== undefined && Buffer.from(input.user_data, 'base64').length > MAX_USER_DATA_BYTES) {
      problems.push({ field: 'user_data', message: 'Must be at most 64 KiB once decoded' });
    }
    if (problems.length > 0 || !plan) throw validationFailed(problems);
    return plan;
  }
}

function nameTaken(name: string, region: string): ApiError {
  return apiError('name_taken', `An instance named ${name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}

function present(row: ShownInstanceRow, labels: Record<string, string>, volumeIds: string[], publicIpv4: string | null): Instance {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    status: row.status as InstanceStatus,
    cpu: row.cpu,
    memory_gb: row.memory_gb,
    ipv4: row.ipv4,
    public_ipv4: publicIpv4,
    network_id: row.network_id,
    plan: row.plan,
    image: row.image,
    ssh_keys: JSON.parse(row.ssh_key_ids) as string[],
    volume_ids: volumeIds,
    labels,
    protection: presentProtection(row),
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
