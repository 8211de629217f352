import type { Action } from '../models.js';
import type { RequestOptions } from './config.js';
import { ActionFailedError, APITimeoutError, CloudNexusError } from './errors.js';
import { listPages } from './pagination.js';
import { sleep } from './retry.js';
import { path } from './path.js';
import type { Transport } from './transport.js';

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
const FIRST_POLL_MS = 100;
const POLL_GROWTH = 1.5;
const MAX_POLL_MS = 2_000;

export interface WaitOptions extends RequestOptions {
  /** Milliseconds to wait for the action to finish, over all polls; default 10 minutes. */
  waitTimeout?: number;
}

/** Options of the asynchronous instance operations. */
export interface WaitableOptions extends WaitOptions {
  /** Poll until the operation's action has finished; an errored action throws ActionFailedError. */
  wait?: boolean;
}

/**
 * Polls the action until it is `completed` (returned) or `errored` (ActionFailedError).
 * Polls start fast, for quick operations, and slow down to spare the rate limit on long ones.
 */
export async function waitForAction(transport: Transport, actionId: string, options: WaitOptions = {}): Promise<Action> {
  const { waitTimeout = DEFAULT_WAIT_TIMEOUT_MS, ...requestOptions } = options;
  const deadline = Date.now() + waitTimeout;
  let delay = FIRST_POLL_MS;
  for (;;) {
    const action = await transport.request<Action>({ method: 'GET', path: path`/actions/${actionId}` }, requestOptions);
    if (action.status === 'completed') return action;
    if (action.status === 'errored') throw new ActionFailedError(action);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new APITimeoutError(`Action ${actionId} was still ${action.status} after ${waitTimeout} ms`);
    await sleep(Math.min(delay, remaining), options.signal);
    delay = Math.min(delay * POLL_GROWTH, MAX_POLL_MS);
  }
}

/**
 * An operation's outcome: the finished action with `{ wait: true }`, the accepted 202 body
 * (`Accepted`) without it, and either when `wait` is only known at run time to be a boolean.
 */
export type OperationResult<O, Accepted> = O extends { wait: true }
  ? Action
  : O extends { wait: boolean }
    ? boolean extends O['wait']
      ? Action | Accepted
      : Accepted
    : Accepted;

/** Sends an asynchronous operation (202 + action_id) and, if asked, waits for its action. */
export async function operate<O extends WaitableOptions, Accepted extends { action_id: string }>(
  transport: Transport,
  spec: { method: 'PUT' | 'DELETE'; path: string; body?: unknown },
  options: O | undefined,
): Promise<OperationResult<O, Accepted>> {
  const { wait, waitTimeout, ...requestOptions } = options ?? {};
  const accepted = await transport.request<Accepted>(spec, requestOptions);
  if (!wait) return accepted as OperationResult<O, Accepted>;
  return (await waitForAction(transport, accepted.action_id, { ...requestOptions, waitTimeout })) as OperationResult<O, Accepted>;
}

/** Waits for the create action of a resource just created (found through `GET /actions?resource_id=`). */
export async function waitForCreateAction(transport: Transport, resource: string, resourceId: string, options: WaitOptions = {}): Promise<Action> {
  const { waitTimeout, ...requestOptions } = options;
  const actions = await listPages<Action>(transport, '/actions', { resource_id: resourceId, limit: 100 }, requestOptions);
  const create = actions.data.find((action) => action.type === 'create');
  if (!create) throw new CloudNexusError(`${resource} ${resourceId} has no create action to wait for`);
  return waitForAction(transport, create.id, { ...requestOptions, ...(waitTimeout === undefined ? {} : { waitTimeout }) });
}
