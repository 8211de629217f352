import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { createAndWait, operate, type OperationResult as WaitResult, type WaitableOptions } from '../core/wait.js';
import type {
  Action,
  CreateInstance,
  Instance,
  InstanceActionAccepted,
  InstanceSnapshotAccepted,
  InstanceConsole,
  InstanceFirewallRules,
  InstanceMetrics,
  RebuildInstance,
  ResizeInstance,
  SnapshotInstance,
  UpdateInstance,
} from '../models.js';

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

export class Instances extends AsyncAPIResource {
  list(params: InstanceListParams = {}, options?: RequestOptions): PagePromise<Instance> {
    return listPages(params, (query) => this.transport.op('listInstances', { query }, options));
  }

  /**
   * Provisions an instance; it answers at once with status `provisioning`.
   * With `{ wait: true }` it waits for the create action and returns the instance as it is then (`running`).
   */
  create(body: CreateInstance, options: WaitableOptions = {}): Promise<Instance> {
    const send = (o: RequestOptions) => this.transport.op('createInstance', { body }, o);
    return createAndWait(this.waiter, 'Instance', send, (id, o) => this.retrieve(id, o), options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Instance> {
    return this.transport.op('getInstance', { path: { id } }, options);
  }

  /** Renames the instance or changes its labels or protection: a JSON merge-patch (a label set to null is removed). */
  update(id: string, body: UpdateInstance, options?: RequestOptions): Promise<Instance> {
    return this.transport.op('patchInstance', { path: { id }, body }, options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteInstance', { path: { id } }, o), options);
  }

  restart<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('restartInstance', { path: { id } }, o), options);
  }

  stop<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('stopInstance', { path: { id } }, o), options);
  }

  /** A graceful shutdown: the OS is asked to stop, then powered off after a timeout (`stop` pulls the plug). */
  shutdown<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('shutdownInstance', { path: { id } }, o), options);
  }

  /** Off and on again in one action (a hard reset). */
  powerCycle<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('powerCycleInstance', { path: { id } }, o), options);
  }

  start<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('startInstance', { path: { id } }, o), options);
  }

  resize<O extends WaitableOptions>(id: string, body: ResizeInstance, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('resizeInstance', { path: { id }, body }, o), options);
  }

  /**
   * Captures the instance's disk as a custom image (`image_id`); a running instance needs
   * `crash_consistent: true`. With `{ wait: true }`, the finished snapshot action.
   */
  snapshot<O extends WaitableOptions>(id: string, body: SnapshotInstance, options?: O): Promise<WaitResult<O, InstanceSnapshotAccepted>> {
    return operate(this.waiter, (o) => this.transport.op('snapshotInstance', { path: { id }, body }, o), options);
  }

  /** Re-images the instance from an OS slug or a custom image id; it keeps its id, address and volumes. */
  rebuild<O extends WaitableOptions>(id: string, body: RebuildInstance, options?: O): Promise<OperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('rebuildInstance', { path: { id }, body }, o), options);
  }

  metrics(id: string, params: InstanceMetricsParams, options?: RequestOptions): Promise<InstanceMetrics> {
    return this.transport.op('getInstanceMetrics', { path: { id }, query: params }, options);
  }

  /** The tail of the instance's console: boot messages and what `user_data` printed. */
  console(id: string, options?: RequestOptions): Promise<InstanceConsole> {
    return this.transport.op('getInstanceConsole', { path: { id } }, options);
  }

  /** The rules in force for this instance: every firewall applying to it, merged, and the defaults. */
  firewallRules(id: string, options?: RequestOptions): Promise<InstanceFirewallRules> {
    return this.transport.op('getInstanceFirewallRules', { path: { id } }, options);
  }

  /** The actions of one instance, newest first. */
  actions(id: string, params: PageParams = {}, options?: RequestOptions): PagePromise<Action> {
    return listPages(params, (query) => this.transport.op('listInstanceActions', { path: { id }, query }, options));
  }
}
