import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { CreateNetwork, Network, PatchNetwork } from '../models.js';

export interface NetworkListParams extends PageParams {
  vpc_id?: string;
  environment?: Network['environment'];
  region?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** Subnets of a VPC that instances and databases join. */
export class Networks extends APIResource {
  list(params: NetworkListParams = {}, options?: RequestOptions): PagePromise<Network> {
    return listPages(params, (query) => this.transport.op('listNetworks', { query }, options));
  }

  create(body: CreateNetwork, options?: RequestOptions): Promise<Network> {
    return this.transport.op('createNetwork', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Network> {
    return this.transport.op('getNetwork', { path: { id } }, options);
  }

  /** Renames the network or changes its labels: a JSON merge-patch (a label set to null is removed). */
  update(id: string, body: PatchNetwork, options?: RequestOptions): Promise<Network> {
    return this.transport.op('patchNetwork', { path: { id }, body }, options);
  }

  /** Refused (ConflictError) while instances or databases are still in the network. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteNetwork', { path: { id } }, options);
  }
}
