import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { CreateVpc, PatchVpc, UpdateVpc, Vpc } from '../models.js';

export interface VpcListParams extends PageParams {
  region?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** Private address spaces, one region each; networks are carved out of them. */
export class Vpcs extends APIResource {
  list(params: VpcListParams = {}, options?: RequestOptions): PagePromise<Vpc> {
    return listPages(params, (query) => this.transport.op('listVpcs', { query }, options));
  }

  create(body: CreateVpc, options?: RequestOptions): Promise<Vpc> {
    return this.transport.op('createVpc', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Vpc> {
    return this.transport.op('getVpc', { path: { id } }, options);
  }

  /** Renames the VPC or merges its labels (a JSON merge-patch: a label set to null is removed, `labels: null` removes them all); `update` replaces the labels instead. */
  patch(id: string, body: PatchVpc, options?: RequestOptions): Promise<Vpc> {
    return this.transport.op('patchVpc', { path: { id }, body }, options);
  }

  /** Name, description and labels; the range is fixed. */
  update(id: string, body: UpdateVpc, options?: RequestOptions): Promise<Vpc> {
    return this.transport.op('updateVpc', { path: { id }, body }, options);
  }

  /** Refused (ConflictError) while networks or load balancers still use the VPC. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteVpc', { path: { id } }, options);
  }
}
