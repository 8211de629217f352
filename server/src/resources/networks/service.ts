// Private networks inside VPCs: address plans that must fit the VPC and not overlap each other.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { checkQuota } from '../accounts/quotas.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { findVpc } from '../vpcs/queries.js';
import { contains, overlaps, parseCidr, type Cidr } from '../../net/cidr.js';
import { NetworksStore, type NetworkRow } from './store.js';
import type { ApiError, ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { applyPatch, type NameAndLabelsPatch } from '../patch.js';

const SMALLEST_PREFIX = 29;

export interface Network {
  id: string;
  name: string;
  vpc_id: string;
  region: string;
  ip_range: string;
  environment: string;
  default: boolean;
  labels: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface NewNetwork {
  name: string;
  vpc_id: string;
  ip_range: string;
  environment: string;
  labels?: Record<string, string>;
}

export interface NetworkQuery {
  vpc_id?: string;
  environment?: string;
  region?: string;
  label_selector?: string;
  limit?: number;
  cursor?: string;
}

export class NetworksService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'database' | 'events'>,
  ) {}

  async create(caller: Caller, input: NewNetwork, within: Within<Network>): Promise<Network> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const vpc = await findVpc(this.context.database.db, caller.accountId, input.vpc_id);
    if (!vpc) throw validationFailed([{ field: 'vpc_id', message: `Unknown VPC ${input.vpc_id}` }]);
    assertRegionAccess(caller, vpc.region);
    const now = storedTime(this.context.clock());
    const row: NetworkRow = {
      id: newId('net'),
      account_id: caller.accountId,
      vpc_id: vpc.id,
      name: input.name,
      region: vpc.region,
      ip_range: input.ip_range,
      environment: input.environment,
      is_default: 0,
      created_at: now,
      updated_at: now,
    };
    const network = present(row, input.labels ?? {});
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { networks: 1 });
        // Checked inside the transaction (after the account lock), so two concurrent creates cannot both pass.
        const problems = placementProblems(input.ip_range, parseCidr(vpc.ip_range) as Cidr, await new NetworksStore(trx).inVpc(vpc.id));
        if (problems.length > 0) throw validationFailed(problems);
        await new NetworksStore(trx).insert(row);
        await new LabelsStore(trx).replace(row.id, input.labels ?? {});
        await this.context.events.record(trx, caller, 'network.created', row.id, network);
        await within(trx, network);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, vpc.id);
      throw error;
    }
    return network;
  }

  async list(caller: AuthContext, query: NetworkQuery, cursors: Cursors): Promise<Page<Network>> {
    const request = cursors.request('networks', query);
    const { vpc_id, environment, region } = query;
    const rows = await new NetworksStore(this.context.database.db).list(
      caller.accountId,
      { vpc_id, environment, region, regions: caller.regions, selector: parseLabelSelector(query.label_selector ?? '') },
      request,
    );
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('networks', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<Network> {
    const row = await this.owned(caller, id);
    return present(row, (await new LabelsStore(this.context.database.db).forResources([id])).get(id) ?? {});
  }

  /** A merge-patch of the name and labels; the address plan stays as it is. */
  async patch(caller: Caller, id: string, patch: NameAndLabelsPatch): Promise<Network> {
    const row = await this.owned(caller, id);
    await applyPatch(this.context, caller, {
      id,
      event: 'network.updated',
      labelled: true,
      save: (trx, changes, at) => new NetworksStore(trx).patch(id, changes, at),
      nameTaken: (name) => nameTaken(name, row.vpc_id),
    }, patch);
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await this.owned(caller, id);
    const deleted = await this.context.database.db.transaction().execute(async (trx) => {
      if (!(await new NetworksStore(trx).removeIfEmpty(id))) return false;
      await new LabelsStore(trx).remove(id);
      await this.context.events.record(trx, caller, 'network.deleted', id, {});
      return true;
    });
    if (!deleted) throw apiError('has_dependents', 'Network still has instances, databases or containers; delete them first');
  }

  /** The caller's network for a new instance in `region` (422 naming network_id otherwise). */
  async forInstance(caller: AuthContext, id: string, region: string): Promise<NetworkRow> {
    const row = await new NetworksStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw validationFailed([{ field: 'network_id', message: `Unknown network ${id}` }]);
    if (row.region !== region) throw validationFailed([{ field: 'network_id', message: `Network is in ${row.region}, not ${region}` }]);
    return row;
  }

  private async owned(caller: AuthContext, id: string): Promise<NetworkRow> {
    const row = await new NetworksStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Network ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }
}

function nameTaken(name: string, vpcId: string): ApiError {
  return apiError('name_taken', `VPC ${vpcId} already has a network named ${name}`, [{ field: 'name', message: 'Already in use in this VPC' }]);
}

function placementProblems(ipRange: string, vpcRange: Cidr, siblings: NetworkRow[]): ErrorDetail[] {
  const range = parseCidr(ipRange);
  if (!range) return [{ field: 'ip_range', message: 'Not a network address in CIDR form (host bits must be zero)' }];
  if (range.prefix > SMALLEST_PREFIX) return [{ field: 'ip_range', message: `Must be /${SMALLEST_PREFIX} or larger` }];
  if (!contains(vpcRange, range)) return [{ field: 'ip_range', message: "Must lie inside the VPC's ip_range" }];
  const clash = siblings.find((s) => overlaps(parseCidr(s.ip_range) as Cidr, range));
  return clash ? [{ field: 'ip_range', message: `Overlaps network ${clash.id} (${clash.ip_range})` }] : [];
}

function present(row: NetworkRow, labels: Record<string, string>): Network {
  return {
    id: row.id,
    name: row.name,
    vpc_id: row.vpc_id,
    region: row.region,
    ip_range: row.ip_range,
    environment: row.environment,
    default: row.is_default === 1,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
