// Containers: validation, tenancy, an address in a network (the IPAM instances use), and the
// lifecycle, which starts actions for the engine to carry out on the container driver.
import { apiTime, storedTime } from '../../clock.js';
import type { Db, Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { MetricType } from '../../drivers/compute-driver.js';
import type { ContainerDriver, ContainerPort } from '../../drivers/container-driver.js';
import type { ApiError, ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { Operations, type Accepted as OperationAccepted } from '../actions/operations.js';
import { ActionsService } from '../actions/service.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import { regionProblem } from '../catalog/region-problem.js';
import type { ContainerImagesService } from '../container-images/service.js';
import type { Caller } from '../events/origin.js';
import type { EventType } from '../events/types.js';
import { metricsRange, presentMetrics, type MetricsRangeQuery } from '../metrics/series.js';
import type { Context } from '../module.js';
import { allocateAddress } from '../networks/ipam.js';
import type { NetworksService } from '../networks/service.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';
import type { VpcsService } from '../vpcs/service.js';
import { illegalTransition, TRANSITIONS, type ContainerOperation, type ContainerStatus } from './lifecycle.js';
import { ContainersStore, type ContainerRow } from './store.js';

const REQUESTED: Record<ContainerOperation, EventType> = {
  restart: 'container.restart_requested',
  stop: 'container.stop_requested',
  start: 'container.start_requested',
  delete: 'container.delete_requested',
};

export interface Container {
  id: string;
  name: string;
  region: string;
  status: ContainerStatus;
  image_id: string;
  command: string[] | null;
  environment: Record<string, string>;
  ports: ContainerPort[];
  memory_mb: number;
  cpu: number;
  replicas: number;
  network_id: string;
  ipv4: string | null;
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface NewContainer {
  name: string;
  region: string;
  image_id: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: ContainerPort[];
  memory_mb: number;
  cpu: number;
  replicas?: number;
  network_id?: string;
  labels?: Record<string, string>;
}

export type Accepted = OperationAccepted<ContainerStatus>;

export class ContainersService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
    private readonly uses: { driver: ContainerDriver; images: ContainerImagesService; vpcs: VpcsService; networks: NetworksService },
  ) {
    this.operations = new Operations(context);
  }

  async list(caller: AuthContext, query: { region?: string; status?: string; label_selector?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Container>> {
    const request = cursors.request('containers', query);
    const selector = parseLabelSelector(query.label_selector ?? '');
    const rows = await this.store().list(caller.accountId, { region: query.region, status: query.status, regions: caller.regions, selector }, request, this.context.database.kind);
    return cursors.page('containers', request, rows, (r) => [r.created_at, r.id], (r) => present(r, JSON.parse(r.labels) as Record<string, string>));
  }

  async get(caller: AuthContext, id: string): Promise<Container> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  async create(caller: Caller, input: NewContainer, within: Within<Container>): Promise<Container> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const problem = regionProblem(input.region);
    if (problem) throw validationFailed([problem]);
    const image = await this.uses.images.runnable(caller, input.image_id, input.region);
    if (!input.command && image.config.entrypoint.length + image.config.cmd.length === 0) {
      throw validationFailed([{ field: 'command', message: 'The image has no Entrypoint or Cmd: give the command to run' }]);
    }
    const network = input.network_id
      ? await this.uses.networks.forInstance(caller, input.network_id, input.region)
      : await this.uses.vpcs.defaultNetwork(caller.accountId, input.region);
    const now = storedTime(this.context.clock());
    const actionId = ActionsService.newId();
    const row: ContainerRow = {
      id: newId('ctr'),
      account_id: caller.accountId,
      name: input.name,
      region: input.region,
      image_id: input.image_id,
      command: input.command ? JSON.stringify(input.command) : null,
      environment: JSON.stringify(input.environment ?? {}),
      ports: JSON.stringify(input.ports ?? []),
      memory_mb: input.memory_mb,
      cpu: input.cpu,
      replicas: input.replicas ?? 1,
      network_id: network.id,
      ipv4: null,
      status: 'provisioning',
      action_id: actionId,
      created_at: now,
      updated_at: now,
    };
    try {
      const container = await this.context.database.db.transaction().execute(async (trx) => {
        row.ipv4 = await allocateAddress(trx, this.context.database.kind, network.id, row.id);
        await new ContainersStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        const shown = present(row, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'container', resourceId: row.id }, actionId);
        await this.context.events.record(trx, caller, 'container.created', row.id, { ...shown, action_id: actionId });
        await within(trx, shown);
        return shown;
      });
      this.context.poke();
      return container;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, input.region);
      throw error;
    }
  }

  async operate(caller: Caller, id: string, operation: ContainerOperation): Promise<Accepted> {
    const row = await this.owned(caller, id);
    const transition = TRANSITIONS[operation];
    return this.operations.start({
      caller,
      resourceType: 'container',
      resource: { id: row.id, status: row.status as ContainerStatus },
      type: operation,
      transition,
      params: { previous_status: row.status },
      events: { requested: REQUESTED[operation], statusChanged: 'container.status_changed' },
      begin: (trx: Db, actionId: string) => new ContainersStore(trx).begin(caller.accountId, row.id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      whyNot: () => this.whyNot(caller, row.id, operation),
    });
  }

  async update(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<Container> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'container.updated',
      labelled: true,
      save: (trx, changes, at) => new ContainersStore(trx).patch(id, changes, at),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  async logs(caller: AuthContext, id: string, tail: number) {
    const row = await this.owned(caller, id);
    return { container_id: row.id, ...(await this.uses.driver.logs(row.id, tail)) };
  }

  async metrics(caller: AuthContext, id: string, query: { type: MetricType } & MetricsRangeQuery) {
    const row = await this.owned(caller, id);
    const range = metricsRange(query, this.context.clock);
    const series = await this.uses.driver.metrics(row.id, { type: query.type, ...range });
    return { container_id: row.id, type: query.type, ...presentMetrics(range, series) };
  }

  /** The caller's container: another account's is a 404; one outside the key's regions is a 403. */
  private async owned(caller: AuthContext, id: string): Promise<ContainerRow> {
    const row = await this.store().find(caller.accountId, id);
    if (!row) throw notFound(`Container ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private async whyNot(caller: AuthContext, id: string, operation: ContainerOperation): Promise<ApiError> {
    const row = await this.owned(caller, id);
    if (row.action_id !== null) return apiError('resource_busy', `Container is busy (${row.status}) with action ${row.action_id}; retry when it completes`);
    return illegalTransition(operation, row.status);
  }

  private store(): ContainersStore {
    return new ContainersStore(this.context.database.db);
  }
}

function nameTaken(name: string, region: string): ApiError {
  const detail: ErrorDetail = { field: 'name', message: 'Already in use in this region' };
  return apiError('name_taken', `A container named ${name} already exists in ${region}`, [detail]);
}

function present(row: ContainerRow, labels: Record<string, string>): Container {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    status: row.status as ContainerStatus,
    image_id: row.image_id,
    command: row.command === null ? null : (JSON.parse(row.command) as string[]),
    environment: JSON.parse(row.environment) as Record<string, string>,
    ports: JSON.parse(row.ports) as ContainerPort[],
    memory_mb: row.memory_mb,
    cpu: row.cpu,
    replicas: row.replicas,
    network_id: row.network_id,
    ipv4: row.ipv4,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
