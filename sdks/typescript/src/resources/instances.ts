import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import { APIResource } from '../core/resource.js';
import { operate, waitForCreateAction, type OperationResult as WaitResult, type WaitableOptions } from '../core/wait.js';
import type { Action, CreateInstance, Instance, InstanceActionAccepted, InstanceConsole, InstanceMetrics, ResizeInstance } from '../models.js';

export interface InstanceListParams extends PageParams {
  region?: string;
  status?: Instance['status'];
  /** Exact name. */
  name?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

export interface InstanceMetricsParams {
  type: InstanceMetrics['type'];
  /** ISO-8601; default one hour before `end`. */
  start?: string;
  /** ISO-8601; default now. */
  end?: string;
  /** Seconds between points, 10-86400; default 60. */
  step?: number;
}

/** An instance operation's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type OperationResult<O> = WaitResult<O, InstanceActionAccepted>;

export class Instances extends APIResource {
  list(params: InstanceListParams = {}, options?: RequestOptions): PagePromise<Instance> {
    return listPages<Instance>(this.transport, '/instances', params, options);
  }

  /**
   * Provisions an instance; it answers at once with status `provisioning`.
   * With `{ wait: true }` it waits for the create action and returns the instance as it is then (`running`).
   */
  async create(body: CreateInstance, options: WaitableOptions = {}): Promise<Instance> {
    const { wait, waitTimeout, ...requestOptions } = options;
    const instance = await this.transport.request<Instance>({ method: 'POST', path: '/instances', body }, requestOptions);
    if (!wait) return instance;
    await waitForCreateAction(this.transport, 'Instance', instance.id, { ...requestOptions, waitTimeout });
    return this.retrieve(instance.id, requestOptions);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Instance> {
    return this.transport.request({ method: 'GET', path: path`/instances/${id}` }, options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return this.operate({ method: 'DELETE', path: path`/instances/${id}` }, options);
  }

  restart<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return this.operate({ method: 'PUT', path: path`/instances/${id}/restart` }, options);
  }

  stop<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return this.operate({ method: 'PUT', path: path`/instances/${id}/stop` }, options);
  }

  start<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return this.operate({ method: 'PUT', path: path`/instances/${id}/start` }, options);
  }

  resize<O extends WaitableOptions>(id: string, body: ResizeInstance, options?: O): Promise<OperationResult<O>> {
    return this.operate({ method: 'PUT', path: path`/instances/${id}/resize`, body }, options);
  }

  metrics(id: string, params: InstanceMetricsParams, options?: RequestOptions): Promise<InstanceMetrics> {
    return this.transport.request({ method: 'GET', path: path`/instances/${id}/metrics`, query: params }, options);
  }

  /** The tail of the instance's console: boot messages and what `user_data` printed. */
  console(id: string, options?: RequestOptions): Promise<InstanceConsole> {
    return this.transport.request({ method: 'GET', path: path`/instances/${id}/console` }, options);
  }

  /** The actions of one instance, newest first. */
  actions(id: string, params: PageParams = {}, options?: RequestOptions): PagePromise<Action> {
    return listPages<Action>(this.transport, path`/instances/${id}/actions`, params, options);
  }

  private operate<O extends WaitableOptions>(spec: { method: 'PUT' | 'DELETE'; path: string; body?: unknown }, options: O | undefined): Promise<OperationResult<O>> {
    return operate<O, InstanceActionAccepted>(this.transport, spec, options);
  }
}
