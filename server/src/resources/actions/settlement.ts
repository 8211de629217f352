// How an action ends on its resource, the same for every resource with a lifecycle: load the row
// the action is about, end the action on it with the changes its outcome brings (recording the
// status change, with the engine as the actor), or remove the row and what it holds. Each
// resource's action handlers say only what their driver does and which changes follow;
// `transitionHandler` builds a whole handler from a lifecycle Transition and its `after` status.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { ActionHandler } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { LabelsStore } from '../../labels/store.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { EventType } from '../events/types.js';
import type { Transition } from './operations.js';

/** What a resource's store offers for its actions to end. */
export interface LifecycleStore<Row extends { status: string }, Changes> {
  findById(id: string): Promise<Row | undefined>;
  end(id: string, actionId: string, changes: Changes, at: string): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export type LifecycleNoun = 'instance' | 'volume' | 'snapshot' | 'load_balancer' | 'database' | 'image' | 'reserved_ip' | 'function' | 'container';

export interface SettlementOptions<Row extends { status: string }, Changes> {
  /** The resource's event prefix: `<noun>.status_changed`, `<noun>.deleted`. */
  noun: LifecycleNoun;
  store: (db: Db) => LifecycleStore<Row, Changes>;
  db: Db;
  clock: Clock;
  events: EventsRecorder;
  /** What else the resource holds in the control plane, removed with it (its labels always are). */
  alsoRemove?: (trx: Db, id: string) => Promise<void>;
}

export interface Settlement<Row extends { status: string }, Changes> {
  /** The row the action is about; a permanent driver error if it is gone. */
  load(action: ActionRow): Promise<Row>;
  /** Ends the action with `changes`; records the status change (with `error` when it is a failure's). */
  end(trx: Db, action: ActionRow, changes: Changes, error?: string): Promise<void>;
  /** Puts the status the action started from back (from its `previous_status` param). */
  back(trx: Db, action: ActionRow, error?: string): Promise<void>;
  /** Removes the resource and what it holds, and records `<noun>.deleted`. */
  remove(trx: Db, action: ActionRow): Promise<void>;
  /** An event about what the action did, with the engine as the actor. */
  record(trx: Db, action: ActionRow, type: EventType, data?: object): Promise<void>;
}

export function settlement<Row extends { status: string }, Changes extends { status?: string }>(options: SettlementOptions<Row, Changes>): Settlement<Row, Changes> {
  const { noun, store, db, clock, events } = options;
  const record: Settlement<Row, Changes>['record'] = async (trx, action, type, data = {}) => {
    await events.record(trx, systemOrigin(action.account_id), type, action.resource_id, { ...data, action_id: action.id });
  };
  const end: Settlement<Row, Changes>['end'] = async (trx, action, changes, error) => {
    const before = await store(trx).findById(action.resource_id);
    await store(trx).end(action.resource_id, action.id, changes, storedTime(clock()));
    if (before && changes.status !== undefined) {
      const data = { action_id: action.id, ...(error === undefined ? {} : { error }) };
      await events.statusChanged(trx, systemOrigin(action.account_id), `${noun}.status_changed`, action.resource_id, { previous: before.status, status: changes.status }, data);
    }
  };
  return {
    async load(action) {
      const row = await store(db).findById(action.resource_id);
      if (!row) throw new DriverError(`${noun.replace('_', ' ')} ${action.resource_id} no longer exists`, false);
      return row;
    },
    end,
    back: (trx, action, error) => end(trx, action, { status: previousStatus(action) } as Changes, error),
    async remove(trx, action) {
      await options.alsoRemove?.(trx, action.resource_id);
      await new LabelsStore(trx).remove(action.resource_id);
      await store(trx).remove(action.resource_id);
      await record(trx, action, `${noun}.deleted`);
    },
    record,
  };
}

/** The status an operation started from, which the resource's service put in the action's params. */
function previousStatus(action: ActionRow): string {
  const { previous_status } = JSON.parse(action.params) as { previous_status?: string };
  if (previous_status === undefined) throw new Error(`action ${action.id} has no previous_status to go back to`);
  return previous_status;
}

/**
 * The handler of an operation that lands on the Transition's `after` status (or, without one, on
 * the status it started from) when the driver call succeeds, with `outcome` recorded beside it,
 * and goes back to where it started when it fails.
 */
export function transitionHandler<S extends string, Row extends { status: string }, Changes extends { status?: string }>(
  settle: Settlement<Row, Changes>,
  transition: Transition<S>,
  perform: (action: ActionRow) => Promise<unknown>,
  outcome?: (action: ActionRow) => { event: EventType; data: object; changes?: Omit<Changes, 'status'> },
): ActionHandler {
  return {
    perform,
    async succeed(trx, action) {
      const result = outcome?.(action);
      if (result) await settle.record(trx, action, result.event, result.data);
      await settle.end(trx, action, { ...result?.changes, status: transition.after ?? previousStatus(action) } as Changes);
    },
    fail: (trx, action, error) => settle.back(trx, action, error),
  };
}
