import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { createAndWait, operate, type OperationResult as WaitResult, type WaitableOptions } from '../core/wait.js';
import type { Container, ContainerActionAccepted, ContainerLogs, ContainerMetrics, CreateContainer, UpdateContainer } from '../models.js';

export interface ContainerListParams extends PageParams {
  region?: string;
  status?: Container['status'];
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web)`. */
  label_selector?: string;
}

export interface ContainerMetricsParams {
  type: ContainerMetrics['type'];
  /** ISO-8601; default one hour before `end`. */
  start?: string;
  /** ISO-8601; default now. */
  end?: string;
  /** Seconds between points, 10-86400; default 60. */
  step?: number;
}

/** A container operation's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type ContainerOperationResult<O> = WaitResult<O, ContainerActionAccepted>;

export class Containers extends AsyncAPIResource {
  list(params: ContainerListParams = {}, options?: RequestOptions): PagePromise<Container> {
    return listPages(params, (query) => this.transport.op('listContainers', { query }, options));
  }

  /**
   * Runs a container from an uploaded image; it answers at once with status `provisioning` and its
   * private address. With `{ wait: true }` it waits for the create action (`running`).
   */
  create(body: CreateContainer, options: WaitableOptions = {}): Promise<Container> {
    const send = (o: RequestOptions) => this.transport.op('createContainer', { body }, o);
    return createAndWait(this.waiter, 'Container', send, (id, o) => this.retrieve(id, o), options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Container> {
    return this.transport.op('getContainer', { path: { id } }, options);
  }

  /** Renames the container or changes its labels: a JSON merge-patch (a label set to null is removed). */
  update(id: string, body: UpdateContainer, options?: RequestOptions): Promise<Container> {
    return this.transport.op('patchContainer', { path: { id }, body }, options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<ContainerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteContainer', { path: { id } }, o), options);
  }

  restart<O extends WaitableOptions>(id: string, options?: O): Promise<ContainerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('restartContainer', { path: { id } }, o), options);
  }

  stop<O extends WaitableOptions>(id: string, options?: O): Promise<ContainerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('stopContainer', { path: { id } }, o), options);
  }

  start<O extends WaitableOptions>(id: string, options?: O): Promise<ContainerOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('startContainer', { path: { id } }, o), options);
  }

  /** The last `tail` lines (default 100) of its stdout and stderr. */
  logs(id: string, params: { tail?: number } = {}, options?: RequestOptions): Promise<ContainerLogs> {
    return this.transport.op('getContainerLogs', { path: { id }, query: params }, options);
  }

  metrics(id: string, params: ContainerMetricsParams, options?: RequestOptions): Promise<ContainerMetrics> {
    return this.transport.op('getContainerMetrics', { path: { id }, query: params }, options);
  }
}
