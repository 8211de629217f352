import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { createAndWait, operate, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { CreateLoadBalancer, LoadBalancer, LoadBalancerAccepted, PatchLoadBalancer, UpdateLoadBalancer } from '../models.js';

export interface LoadBalancerListParams extends PageParams {
  region?: string;
  vpc_id?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** A load balancer operation's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type LoadBalancerOperationResult<O> = OperationResult<O, LoadBalancerAccepted>;

export class LoadBalancers extends AsyncAPIResource {
  list(params: LoadBalancerListParams = {}, options?: RequestOptions): PagePromise<LoadBalancer> {
    return listPages(params, (query) => this.transport.op('listLoadBalancers', { query }, options));
  }

  /** Answers at once in `provisioning`; with `{ wait: true }` it returns the load balancer once `active`. */
  create(body: CreateLoadBalancer, options: WaitableOptions = {}): Promise<LoadBalancer> {
    const send = (o: RequestOptions) => this.transport.op('createLoadBalancer', { body }, o);
    return createAndWait(this.waiter, 'Load balancer', send, (id, o) => this.retrieve(id, o), options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<LoadBalancer> {
    return this.transport.op('getLoadBalancer', { path: { id } }, options);
  }

  /** Renames the load balancer or changes its labels at once (a JSON merge-patch, no action); `update` replaces its rules and targets. */
  patch(id: string, body: PatchLoadBalancer, options?: RequestOptions): Promise<LoadBalancer> {
    return this.transport.op('patchLoadBalancer', { path: { id }, body }, options);
  }

  /** Replaces the algorithm, forwarding rules, health check and targets. */
  update<O extends WaitableOptions>(id: string, body: UpdateLoadBalancer, options?: O): Promise<LoadBalancerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('updateLoadBalancer', { path: { id }, body }, o), options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<LoadBalancerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteLoadBalancer', { path: { id } }, o), options);
  }
}
