import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import { APIResource } from '../core/resource.js';
import { waitForAction, type WaitOptions } from '../core/wait.js';
import type { Action } from '../models.js';

export interface ActionListParams extends PageParams {
  resource_id?: string;
  status?: Action['status'];
}

export class Actions extends APIResource {
  list(params: ActionListParams = {}, options?: RequestOptions): PagePromise<Action> {
    return listPages<Action>(this.transport, '/actions', params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Action> {
    return this.transport.request({ method: 'GET', path: path`/actions/${id}` }, options);
  }

  /** Polls until the action completes (returned) or errors (ActionFailedError); `timeout` bounds the whole wait. */
  waitFor(id: string, options: Omit<WaitOptions, 'waitTimeout'> & { timeout?: number } = {}): Promise<Action> {
    const { timeout, ...requestOptions } = options;
    return waitForAction(this.transport, id, { ...requestOptions, waitTimeout: timeout });
  }
}
