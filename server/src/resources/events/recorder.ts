// Records events. Every change calls `record` inside its own transaction, so an event exists
// exactly when its change committed; webhooks that want the event are queued in the same breath.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import { firstAttempt, queueDeliveries } from '../webhooks/fan-out.js';
import { queueDelivery } from '../webhooks/queries.js';
import type { EventOrigin } from './origin.js';
import { EventsStore } from './store.js';
import { resourceTypeOf, type EventType } from './types.js';

export interface RecordOptions {
  /** Deliver to this webhook alone instead of every one that wants the type (test events). */
  onlyTo?: string;
}

export class EventsRecorder {
  constructor(private readonly clock: Clock) {}

  /** Records that `type` happened to `resourceId`; `data` is the resource or change as the API shows it. Returns the event id. */
  async record(trx: Db, origin: EventOrigin, type: EventType, resourceId: string, data: object, options: RecordOptions = {}): Promise<string> {
    const createdAt = storedTime(this.clock());
    const id = newId('evt');
    await new EventsStore(trx).insert({
      id,
      account_id: origin.accountId,
      type,
      resource_type: resourceTypeOf(type),
      resource_id: resourceId,
      actor_type: origin.actor.type,
      actor_id: origin.actor.id,
      request_id: origin.requestId,
      data: JSON.stringify(data),
      created_at: createdAt,
    });
    const event = { id, accountId: origin.accountId, type, createdAt };
    if (options.onlyTo === undefined) await queueDeliveries(trx, event);
    else await queueDelivery(trx, firstAttempt(event, options.onlyTo));
    return id;
  }

  /** Records `type` (a `<resource>.status_changed`) when a resource's status really changed. */
  async statusChanged(trx: Db, origin: EventOrigin, type: EventType, resourceId: string, change: { previous: string; status: string }, data: object = {}): Promise<void> {
    if (change.previous === change.status) return;
    await this.record(trx, origin, type, resourceId, { status: change.status, previous_status: change.previous, ...data });
  }
}
