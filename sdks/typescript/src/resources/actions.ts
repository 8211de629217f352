import type { RequestOptions } from '../core/config.js';
import { CloudNexusError } from '../core/errors.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import { pollAction, type ActionWaiter, type WaitOptions } from '../core/wait.js';
import type { Action } from '../models.js';

export interface ActionListParams extends PageParams {
  resource_id?: string;
  status?: Action['status'];
}

/** Every async operation's action; the other resources wait through this one. */
export class Actions extends APIResource implements ActionWaiter {
  list(params: ActionListParams = {}, options?: RequestOptions): PagePromise<Action> {
    return listPages(params, (query) => this.transport.op('listActions', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<Action> {
    return this.transport.op('getAction', { path: { id } }, options);
  }

  /** Polls until the action completes (returned) or errors (ActionFailedError); `timeout` bounds the whole wait. */
  waitFor(id: string, options: Omit<WaitOptions, 'waitTimeout'> & { timeout?: number } = {}): Promise<Action> {
    const { timeout, ...requestOptions } = options;
    return this.untilDone(id, { ...requestOptions, waitTimeout: timeout });
  }

  /** @internal The poll behind every `{ wait: true }`. */
  untilDone(actionId: string, options: WaitOptions = {}): Promise<Action> {
    return pollAction((requestOptions) => this.retrieve(actionId, requestOptions), actionId, options);
  }

  /** @internal A create answers with the resource, not its action: the action is found by resource id. */
  async untilCreated(resource: string, resourceId: string, options: WaitOptions = {}): Promise<Action> {
    const { waitTimeout, ...requestOptions } = options;
    const actions = await this.list({ resource_id: resourceId, limit: 100 }, requestOptions);
    const create = actions.data.find((action) => action.type === 'create');
    if (!create) throw new CloudNexusError(`${resource} ${resourceId} has no create action to wait for`);
    return this.untilDone(create.id, { ...requestOptions, ...(waitTimeout === undefined ? {} : { waitTimeout }) });
  }
}
