// How every async operation on a resource starts: take the resource's action slot with a
// conditional update, queue the action, record the request and the status change, all in one
// transaction; wake a worker once it has committed; and when the slot could not be taken, answer
// with the resource's own reason (a 409: busy, or not in a status the operation starts from).
// Resources declare their lifecycles as data (Transition) and call start(); none repeats the steps.
// It lives beside the actions it queues, not in engine/: the engine knows no resource or event.
import type { Db } from '../../db/database.js';
import type { EventOrigin } from '../events/origin.js';
import type { EventType } from '../events/types.js';
import { ActionsService } from './service.js';
import type { Context } from '../module.js';

/** One operation of a resource's lifecycle. */
export interface Transition<S extends string> {
  /** Statuses the operation may start from (with no other action running). */
  from: readonly S[];
  /** Shown while it runs; null keeps the current status. */
  during: S | null;
  /** The `message` of the 202 answer. */
  message: string;
  /** The status it lands on when its action succeeds; absent, the one it started from (see settlement.ts). */
  after?: S;
}

export interface Operation<S extends string> {
  /** Who asks: a caller of the API, or the system (a schedule). */
  caller: EventOrigin;
  /** The action's `resource_type` (`instance`, `volume`, …). */
  resourceType: string;
  resource: { id: string; status: S };
  /** The action's `type` (`restart`, `attach`, …). */
  type: string;
  transition: Transition<S>;
  params?: Record<string, unknown>;
  events: {
    /** `<resource>.<operation>_requested`, with `data` (the params by default) and the action id. */
    requested: EventType;
    requestedData?: object;
    /** `<resource>.status_changed`, recorded when `during` changes the status. */
    statusChanged: EventType;
  };
  /** Takes the resource's action slot: a conditional update, false when the resource cannot start it. */
  begin(trx: Db, actionId: string): Promise<boolean>;
  /** Further writes that belong to the same transaction (e.g. a database user's row). */
  alsoIn?(trx: Db, actionId: string): Promise<void>;
  /** Why the slot could not be taken, read after the transaction: the 409 to answer with. */
  whyNot(): Promise<Error>;
}

/** The 202 answer of a started operation. */
export interface Accepted<S extends string> {
  id: string;
  status: S;
  message: string;
  action_id: string;
}

export class Operations {
  constructor(private readonly context: Pick<Context, 'database' | 'actions' | 'events' | 'poke'>) {}

  async start<S extends string>(operation: Operation<S>): Promise<Accepted<S>> {
    const accepted = await this.context.database.db.transaction().execute((trx) => this.startWithin(trx, operation));
    if (!accepted) throw await operation.whyNot();
    this.context.poke();
    return accepted;
  }

  /**
   * The same steps inside a transaction the caller owns (a schedule starting several at once):
   * null when the slot could not be taken. The caller pokes the worker once it has committed.
   */
  async startWithin<S extends string>(trx: Db, operation: Omit<Operation<S>, 'whyNot'>): Promise<Accepted<S> | null> {
    const { caller, resource, transition } = operation;
    const actionId = ActionsService.newId();
    const status = transition.during ?? resource.status;
    if (!(await operation.begin(trx, actionId))) return null;
    const action = { accountId: caller.accountId, type: operation.type, resourceType: operation.resourceType, resourceId: resource.id, params: operation.params ?? {} };
    await this.context.actions.enqueue(trx, action, actionId);
    await operation.alsoIn?.(trx, actionId);
    await this.context.events.record(trx, caller, operation.events.requested, resource.id, { ...(operation.events.requestedData ?? operation.params), action_id: actionId });
    await this.context.events.statusChanged(trx, caller, operation.events.statusChanged, resource.id, { previous: resource.status, status }, { action_id: actionId });
    return { id: resource.id, status, message: transition.message, action_id: actionId };
  }
}
