import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { operate, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { AssignReservedIp, CreateReservedIp, ReservedIp, ReservedIpActionAccepted, UpdateReservedIp } from '../models.js';

export interface ReservedIpListParams extends PageParams {
  region?: string;
  instance_id?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** An assign or unassign's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type ReservedIpOperationResult<O> = OperationResult<O, ReservedIpActionAccepted>;

/** Public IPv4 addresses from the operator's pool, routed to one instance at a time. */
export class ReservedIps extends AsyncAPIResource {
  list(params: ReservedIpListParams = {}, options?: RequestOptions): PagePromise<ReservedIp> {
    return listPages(params, (query) => this.transport.op('listReservedIps', { query }, options));
  }

  /** Reserves an address in a region (UnprocessableEntityError `pool_exhausted` when none is left). */
  create(body: CreateReservedIp, options?: RequestOptions): Promise<ReservedIp> {
    return this.transport.op('createReservedIp', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<ReservedIp> {
    return this.transport.op('getReservedIp', { path: { id } }, options);
  }

  /** Changes the labels: a JSON merge-patch (a label set to null is removed). */
  update(id: string, body: UpdateReservedIp, options?: RequestOptions): Promise<ReservedIp> {
    return this.transport.op('patchReservedIp', { path: { id }, body }, options);
  }

  /** Releases the address to the pool; refused (ConflictError `has_dependents`) while it is assigned. */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteReservedIp', { path: { id } }, options);
  }

  /** Routes the address to an instance in its region; an assigned address moves. */
  assign<O extends WaitableOptions>(id: string, body: AssignReservedIp, options?: O): Promise<ReservedIpOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('assignReservedIp', { path: { id }, body }, o), options);
  }

  unassign<O extends WaitableOptions>(id: string, options?: O): Promise<ReservedIpOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('unassignReservedIp', { path: { id } }, o), options);
  }
}
