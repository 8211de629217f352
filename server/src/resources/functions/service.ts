// Functions: code deployed from a zip (or a few files) onto an installed runtime, each deploy a new
// numbered version loaded by the function driver through an action. The source goes to disk
// (FunctionSources) before the transaction that records the deploy.
import { apiTime, storedTime } from '../../clock.js';
import type { Db, Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { FunctionDriver } from '../../drivers/function-driver.js';
import type { ApiError, ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { checkQuota } from '../accounts/quotas.js';
import { Operations } from '../actions/operations.js';
import { ActionsService } from '../actions/service.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import { regions } from '../catalog/catalogs.js';
import type { Caller } from '../events/origin.js';
import type { Context } from '../module.js';
import { allocateAddress } from '../networks/ipam.js';
import { releaseAddressOf } from '../networks/queries.js';
import type { NetworksService } from '../networks/service.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';
import { filesFromMap, filesFromZip } from './archive.js';
import { FUNCTION_TRANSITIONS, type FunctionStatus } from './lifecycle.js';
import type { FunctionSources } from './sources.js';
import { FunctionsStore, type Deployed, type FunctionRow } from './store.js';

export interface Deployment {
  runtime: string;
  source?: string;
  files?: Record<string, string>;
  handler: string;
  memory_mb?: number;
  timeout_s?: number;
  max_concurrency?: number;
  environment?: Record<string, string>;
  network_id?: string | null;
}
export interface NewFunction extends Deployment {
  name: string;
  region: string;
  labels?: Record<string, string>;
}

export type FunctionView = ReturnType<typeof present>;

export class FunctionsService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
    private readonly uses: { driver: FunctionDriver; sources: FunctionSources; networks: NetworksService },
  ) {
    this.operations = new Operations(context);
  }

  async create(caller: Caller, input: NewFunction, within: Within<FunctionView>): Promise<FunctionView> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const region = regions.find(input.region);
    if (!region || !region.available) throw validationFailed([{ field: 'region', message: region ? 'Region is not accepting new resources' : 'Invalid region identifier' }]);
    assertRegionAccess(caller, input.region);
    const id = newId('fn');
    const deployed = await this.prepare(caller, id, input.region, input, 1);
    const now = storedTime(this.context.clock());
    const actionId = ActionsService.newId();
    const row: FunctionRow = { id, account_id: caller.accountId, name: input.name, region: input.region, ...deployed, status: 'deploying', error: null, action_id: actionId, created_at: now, updated_at: now };
    const view = present(row, input.labels ?? {});
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { functions: 1 });
        await new FunctionsStore(trx).insert(row);
        if (row.network_id) await allocateAddress(trx, this.context.database.kind, row.network_id, id);
        await new LabelsStore(trx).replace(id, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'function', resourceId: id }, actionId);
        await this.context.events.record(trx, caller, 'function.created', id, { ...view, action_id: actionId });
        await within(trx, view);
      });
    } catch (error) {
      await this.uses.sources.prune(id);
      if (isUniqueViolation(error)) throw nameTaken(input.name, input.region);
      throw error;
    }
    this.context.poke();
    return view;
  }

  async list(caller: AuthContext, query: { region?: string; label_selector?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<FunctionView>> {
    const request = cursors.request('functions', query);
    const db = this.context.database.db;
    const rows = await new FunctionsStore(db).list(caller.accountId, { region: query.region, regions: caller.regions, selector: parseLabelSelector(query.label_selector ?? '') }, request);
    const labels = await new LabelsStore(db).forResources(rows.map((r) => r.id));
    return cursors.page('functions', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<FunctionView> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  /** A PATCH: name and labels only, at once (200); no new version, nothing redeployed. */
  async update(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<FunctionView> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'function.updated',
      labelled: true,
      save: (trx, changes, at) => new FunctionsStore(trx).patch(id, changes, at),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  /** A PUT: the next version, deployed through an action (202), or a 409 while another runs. */
  async redeploy(caller: Caller, id: string, input: Deployment) {
    const row = await this.owned(caller, id);
    const deployed = await this.prepare(caller, id, row.region, input, row.version + 1);
    const transition = FUNCTION_TRANSITIONS.deploy;
    const accepted = await this.operations.start({
      caller,
      resourceType: 'function',
      resource: { id, status: row.status as FunctionStatus },
      type: 'deploy',
      transition,
      params: { previous_status: row.status, version: deployed.version },
      events: { requested: 'function.deploy_requested', requestedData: { version: deployed.version }, statusChanged: 'function.status_changed' },
      begin: (trx, actionId) => new FunctionsStore(trx).begin(caller.accountId, id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      alsoIn: async (trx) => {
        await new FunctionsStore(trx).redeploy(id, deployed, storedTime(this.context.clock()));
        if (deployed.network_id !== row.network_id) await this.moveAddress(trx, id, deployed.network_id);
      },
      whyNot: () => this.whyNot(caller, id, 'deploy'),
    });
    return { ...accepted, version: deployed.version };
  }

  async remove(caller: Caller, id: string) {
    const row = await this.owned(caller, id);
    const transition = FUNCTION_TRANSITIONS.delete;
    const accepted = await this.operations.start({
      caller,
      resourceType: 'function',
      resource: { id, status: row.status as FunctionStatus },
      type: 'delete',
      transition,
      params: { previous_status: row.status },
      events: { requested: 'function.delete_requested', requestedData: {}, statusChanged: 'function.status_changed' },
      begin: (trx, actionId) => new FunctionsStore(trx).begin(caller.accountId, id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      whyNot: () => this.whyNot(caller, id, 'delete'),
    });
    return { ...accepted, version: row.version };
  }

  /** The caller's function: another account's is a 404; one outside the key's regions a 403. */
  async owned(caller: AuthContext, id: string): Promise<FunctionRow> {
    const row = await new FunctionsStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Function ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  /**
   * A function holds one address in its network (its workers share it): a redeploy onto another
   * network, or onto none, gives the old one back.
   */
  private async moveAddress(trx: Db, id: string, networkId: string | null): Promise<void> {
    await releaseAddressOf(trx, id);
    if (networkId) await allocateAddress(trx, this.context.database.kind, networkId, id);
  }

  /** Semantic checks (422), then the source on disk: the deploy's settings as stored. */
  private async prepare(caller: AuthContext, id: string, region: string, input: Deployment, version: number): Promise<Deployed> {
    const problems: ErrorDetail[] = [];
    if (!this.uses.driver.runtimes().some((r) => r.id === input.runtime)) problems.push({ field: 'runtime', message: 'Not an installed runtime; see GET /v2/function_runtimes' });
    if ((input.source === undefined) === (input.files === undefined)) problems.push({ field: 'source', message: 'Give either source (a base64 zip) or files' });
    if (problems.length > 0) throw validationFailed(problems);
    const networkId = input.network_id ? (await this.uses.networks.forInstance(caller, input.network_id, region)).id : null;
    const files = input.source !== undefined ? filesFromZip(input.source) : filesFromMap(input.files ?? {});
    const { sha256, bytes } = await this.uses.sources.write(id, files);
    return {
      runtime: input.runtime,
      handler: input.handler,
      memory_mb: input.memory_mb ?? 256,
      timeout_s: input.timeout_s ?? 30,
      max_concurrency: input.max_concurrency ?? 10,
      environment: JSON.stringify(input.environment ?? {}),
      network_id: networkId,
      version,
      source_sha256: sha256,
      source_bytes: bytes,
    };
  }

  private async whyNot(caller: AuthContext, id: string, operation: string): Promise<ApiError> {
    const now = await this.owned(caller, id);
    return now.action_id
      ? apiError('resource_busy', `Function is busy with action ${now.action_id}; retry when it completes`)
      : apiError('invalid_state', `Cannot ${operation} a function that is ${now.status}`);
  }
}

export function present(row: FunctionRow, labels: Record<string, string>) {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    runtime: row.runtime,
    handler: row.handler,
    memory_mb: row.memory_mb,
    timeout_s: row.timeout_s,
    max_concurrency: row.max_concurrency,
    environment: Object.keys(JSON.parse(row.environment) as Record<string, string>).sort(),
    network_id: row.network_id,
    version: row.version,
    source_sha256: row.source_sha256,
    source_bytes: row.source_bytes,
    status: row.status as FunctionStatus,
    error: row.error,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}

function nameTaken(name: string, region: string): ApiError {
  return apiError('name_taken', `A function named ${name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}
