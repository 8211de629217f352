import type { Action } from '../models.js';
import type { RequestOptions } from './config.js';
import { ActionFailedError, APITimeoutError } from './errors.js';
import { sleep } from './retry.js';

export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;
const FIRST_POLL_MS = 100;
const POLL_GROWTH = 1.5;
const MAX_POLL_MS = 2_000;

export interface WaitOptions extends RequestOptions {
  /** Milliseconds to wait for the action to finish, over all polls; default 10 minutes. */
  waitTimeout?: number;
}

/** Options of the asynchronous operations. */
export interface WaitableOptions extends WaitOptions {
  /** Poll until the operation's action has finished; an errored action throws ActionFailedError. */
  wait?: boolean;
}

/** What the operations that wait need from `client.actions`. */
export interface ActionWaiter {
  /** Polls until the action is `completed` (returned) or `errored` (ActionFailedError). */
  untilDone(actionId: string, options?: WaitOptions): Promise<Action>;
  /** Waits for the create action of a resource just created. */
  untilCreated(resource: string, resourceId: string, options?: WaitOptions): Promise<Action>;
}

/**
 * Polls `fetch` until the action is `completed` (returned) or `errored` (ActionFailedError).
 * Polls start fast, for quick operations, and slow down to spare the rate limit on long ones.
 */
export async function pollAction(fetch: (options: RequestOptions) => Promise<Action>, actionId: string, options: WaitOptions = {}): Promise<Action> {
  const { waitTimeout = DEFAULT_WAIT_TIMEOUT_MS, ...requestOptions } = options;
  const deadline = Date.now() + waitTimeout;
  let delay = FIRST_POLL_MS;
  for (;;) {
    const action = await fetch(requestOptions);
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
  waiter: ActionWaiter,
  send: (options: RequestOptions) => Promise<Accepted>,
  options: O | undefined,
): Promise<OperationResult<O, Accepted>> {
  const { wait, waitTimeout, ...requestOptions } = options ?? {};
  const accepted = await send(requestOptions);
  if (!wait) return accepted as OperationResult<O, Accepted>;
  return (await waiter.untilDone(accepted.action_id, withTimeout(requestOptions, waitTimeout))) as OperationResult<O, Accepted>;
}

/**
 * Sends a create (201 with the resource in its first status) and, with `{ wait: true }`, waits for
 * the resource's create action, then returns the resource as it is once that completed.
 */
export async function createAndWait<T extends { id: string }>(
  waiter: ActionWaiter,
  resource: string,
  send: (options: RequestOptions) => Promise<T>,
  retrieve: (id: string, options: RequestOptions) => Promise<T>,
  options: WaitableOptions = {},
): Promise<T> {
  const { wait, waitTimeout, ...requestOptions } = options;
  const created = await send(requestOptions);
  if (!wait) return created;
  await waiter.untilCreated(resource, created.id, withTimeout(requestOptions, waitTimeout));
  return retrieve(created.id, requestOptions);
}

function withTimeout(options: RequestOptions, waitTimeout: number | undefined): WaitOptions {
  return waitTimeout === undefined ? options : { ...options, waitTimeout };
}
