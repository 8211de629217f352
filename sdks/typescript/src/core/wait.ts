import type { Action } from '../models.js';
import type { RequestOptions } from './config.js';
import { ActionFailedError, APITimeoutError } from './errors.js';
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
