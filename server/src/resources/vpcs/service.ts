// VPCs: private address spaces per region, with a default one (and its default network) made on first use.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { checkQuota } from '../accounts/quotas.js';
import { REGIONS } from '../catalog/data/regions.js';
import { regions } from '../catalog/catalogs.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { isPrivate, parseCidr } from '../../net/cidr.js';
import { defaultNetworkIn, insertNetworkIfAbsent, type NetworkRow } from '../networks/queries.js';
import { VpcsStore, type VpcRow } from './store.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import type { ApiError } from '../../errors/api-error.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';

export interface Vpc {
  id: string;
  name: string;
  region: string;
  ip_range: string;
  description: string;
  default: boolean;
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface NewVpc {
  name: string;
  region: string;
  ip_range: string;
  description?: string;
  labels?: Record<string, string>;
}

/** Each region's default VPC gets its own /16 in 10.0.0.0/8, so defaults never overlap. */
function defaultRange(region: string): { vpc: string; network: string } {
  const index = REGIONS.findIndex((r) => r.id === region) + 1;
  return { vpc: `10.${index}.0.0/16`, network: `10.${index}.0.0/20` };
}

export class VpcsService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'database' | 'events'>,
  ) {}

  async create(caller: Caller, input: NewVpc, within: Within<Vpc>): Promise<Vpc> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const problems = [];
    const region = regions.find(input.region);
    if (!region) problems.push({ field: 'region', message: 'Invalid region identifier' });
    const range = parseCidr(input.ip_range);
    if (!range) problems.push({ field: 'ip_range', message: 'Not a network address in CIDR form (host bits must be zero)' });
    else if (!isPrivate(range)) problems.push({ field: 'ip_range', message: 'Must be inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918)' });
    else if (range.prefix < 16 || range.prefix > 24) problems.push({ field: 'ip_range', message: 'Must be from /16 to /24' });
    if (problems.length > 0) throw validationFailed(problems);
    assertRegionAccess(caller, input.region);
    const now = storedTime(this.context.clock());
    const row: VpcRow = {
      id: newId('vpc'),
      account_id: caller.accountId,
      name: input.name,
      region: input.region,
      ip_range: input.ip_range,
      description: input.description ?? '',
      default_key: null,
      created_at: now,
      updated_at: now,
    };
    const vpc = present(row, input.labels ?? {});
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { vpcs: 1 });
        await new VpcsStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.events.record(trx, caller, 'vpc.created', row.id, vpc);
        await within(trx, vpc);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, input.region);
      throw error;
    }
    return vpc;
  }

  async list(caller: AuthContext, query: { region?: string; label_selector?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Vpc>> {
    const request = cursors.request('vpcs', query);
    const rows = await new VpcsStore(this.context.database.db).list(caller.accountId, { region: query.region, regions: caller.regions, selector: parseLabelSelector(query.label_selector ?? '') }, request);
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('vpcs', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<Vpc> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  async update(caller: Caller, id: string, input: { name?: string; description?: string; labels?: Record<string, string> }): Promise<Vpc> {
    const row = await this.owned(caller, id);
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), updated_at: storedTime(this.context.clock()) };
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await new VpcsStore(trx).update(id, changes);
        if (input.labels) await new LabelsStore(trx).replace(id, input.labels);
        await this.context.events.record(trx, caller, 'vpc.updated', id, input);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name ?? row.name, row.region);
      throw error;
    }
    return this.get(caller, id);
  }

  /** A merge-patch of the name and labels (PUT replaces the labels instead). */
  async patch(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<Vpc> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'vpc.updated',
      labelled: true,
      save: (trx, changes, at) => new VpcsStore(trx).update(id, { ...changes, updated_at: at }),
      nameTaken: (name) => nameTaken(name, row.region),
    }, patch);
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await this.owned(caller, id);
    const deleted = await this.context.database.db.transaction().execute(async (trx) => {
      if (!(await new VpcsStore(trx).removeIfEmpty(id))) return false;
      await new LabelsStore(trx).remove(id);
      await this.context.events.record(trx, caller, 'vpc.deleted', id, {});
      return true;
    });
    if (!deleted) throw apiError('has_dependents', 'VPC still has networks; delete them first');
  }

  async owned(caller: AuthContext, id: string): Promise<VpcRow> {
    const row = await new VpcsStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`VPC ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  /** The region's default network, creating the default VPC and network on first use (safe under races). */
  async defaultNetwork(accountId: string, region: string): Promise<NetworkRow> {
    // The common case reads; only the first use of a region writes (two inserts that tolerate a race).
    const existing = await defaultNetworkIn(this.context.database.db, accountId, region);
    if (existing) return existing;
    const now = storedTime(this.context.clock());
    const ranges = defaultRange(region);
    const vpc = await new VpcsStore(this.context.database.db).insertDefault({
      id: newId('vpc'),
      account_id: accountId,
      name: `default-${region}`,
      region,
      ip_range: ranges.vpc,
      description: `Default VPC for ${region}`,
      default_key: `${accountId}:${region}`,
      created_at: now,
      updated_at: now,
    });
    return insertNetworkIfAbsent(this.context.database.db, {
      id: newId('net'),
      account_id: accountId,
      vpc_id: vpc.id,
      name: 'default',
      region,
      ip_range: ranges.network,
      environment: 'production',
      is_default: 1,
      created_at: now,
      updated_at: now,
    });
  }
}

function nameTaken(name: string, region: string): ApiError {
  return apiError('name_taken', `A VPC named ${name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}

function present(row: VpcRow, labels: Record<string, string>): Vpc {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    ip_range: row.ip_range,
    description: row.description,
    default: row.default_key !== null,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
