import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { createAndWait, operate, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { CreateFunction, Function as CloudFunction, FunctionAccepted, FunctionInvocation, FunctionInvocationAccepted, FunctionRuntime, PatchFunction, UpdateFunction } from '../models.js';

export interface FunctionListParams extends PageParams {
  region?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

export interface InvokeOptions extends RequestOptions {
  /** Answer 202 at once with the invocation id instead of waiting for the outcome. */
  async?: boolean;
}

/** A deploy's or delete's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type FunctionOperationResult<O> = OperationResult<O, FunctionAccepted>;

export class Functions extends AsyncAPIResource {
  /** The runtimes the server's host has installed (`nodejs20`, `python3.11`…). */
  runtimes(params: PageParams = {}, options?: RequestOptions): PagePromise<FunctionRuntime> {
    return listPages(params, (query) => this.transport.op('listFunctionRuntimes', { query }, options));
  }

  list(params: FunctionListParams = {}, options?: RequestOptions): PagePromise<CloudFunction> {
    return listPages(params, (query) => this.transport.op('listFunctions', { query }, options));
  }

  /** Answers at once in `deploying`; with `{ wait: true }` it returns the function once version 1 is active. */
  create(body: CreateFunction, options: WaitableOptions = {}): Promise<CloudFunction> {
    const send = (o: RequestOptions) => this.transport.op('createFunction', { body }, o);
    return createAndWait(this.waiter, 'Function', send, (id, o) => this.retrieve(id, o), options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<CloudFunction> {
    return this.transport.op('getFunction', { path: { id } }, options);
  }

  /** Renames the function or merges its labels (a JSON merge-patch: a label set to null is removed) at once; nothing is redeployed, where `update` deploys a new version. */
  patch(id: string, body: PatchFunction, options?: RequestOptions): Promise<CloudFunction> {
    return this.transport.op('patchFunction', { path: { id }, body }, options);
  }

  /** Deploys new source or settings as the next version. */
  update<O extends WaitableOptions>(id: string, body: UpdateFunction, options?: O): Promise<FunctionOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('updateFunction', { path: { id }, body }, o), options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<FunctionOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteFunction', { path: { id } }, o), options);
  }

  /**
   * Runs the function with `event` and answers with its outcome (`success`, `error` or `timeout`);
   * with `{ async: true }` it answers at once with the invocation id, to read with `retrieveInvocation`.
   */
  invoke(id: string, event: unknown, options?: InvokeOptions & { async?: false }): Promise<FunctionInvocation>;
  invoke(id: string, event: unknown, options: InvokeOptions & { async: true }): Promise<FunctionInvocationAccepted>;
  invoke(id: string, event: unknown, options: InvokeOptions = {}): Promise<FunctionInvocation | FunctionInvocationAccepted> {
    const { async: background, ...requestOptions } = options;
    return this.transport.op('invokeFunction', { path: { id }, query: background ? { async: true } : {}, body: event }, requestOptions);
  }

  /** Past invocations, newest first. */
  listInvocations(id: string, params: PageParams = {}, options?: RequestOptions): PagePromise<FunctionInvocation> {
    return listPages(params, (query) => this.transport.op('listFunctionInvocations', { path: { id }, query }, options));
  }

  retrieveInvocation(id: string, invocationId: string, options?: RequestOptions): Promise<FunctionInvocation> {
    return this.transport.op('getFunctionInvocation', { path: { id, inv_id: invocationId } }, options);
  }
}
