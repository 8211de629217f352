// How the engine runs one kind of action. The engine owns claiming, leases, retries and the
// action's own status; a handler owns what the action does to its resource.
import type { Db } from '../db/database.js';
import type { ActionRow } from './actions-queue.js';

export interface ActionHandler {
  /** Does the work through a driver. Must be idempotent: after a crash it runs again. */
  perform(action: ActionRow): Promise<unknown>;
  /** Records success on the resource, in the transaction that completes the action. */
  succeed(trx: Db, action: ActionRow, result: unknown): Promise<void>;
  /** Puts the resource back in a sound state, in the transaction that marks the action errored; `error` says why. */
  fail(trx: Db, action: ActionRow, error: string): Promise<void>;
}

/** Handlers by `<resource_type>.<type>`, e.g. `instance.restart`. */
export type ActionHandlers = Record<string, ActionHandler>;

export function handlerKey(action: { resource_type: string; type: string }): string {
  return `${action.resource_type}.${action.type}`;
}
