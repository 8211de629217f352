// Queues an event for each webhook that wants it, in the transaction that records the event, so an
// event that commits is delivered and one that rolls back never is.
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import { patternMatches } from '../events/types.js';
import { DeliveriesStore, type DeliveryRow } from './deliveries-store.js';
import { WebhooksStore } from './store.js';

export interface EventToDeliver {
  id: string;
  accountId: string;
  type: string;
  createdAt: string;
}

/** The first attempt of `event` to `webhookId`, due at once. */
export function firstAttempt(event: EventToDeliver, webhookId: string): DeliveryRow {
  return {
    id: newId('whd'),
    account_id: event.accountId,
    webhook_id: webhookId,
    event_id: event.id,
    attempt: 1,
    status: 'pending',
    run_after: event.createdAt,
    lease_owner: null,
    lease_expires_at: null,
    first_due_at: event.createdAt,
    response_status: null,
    duration_ms: null,
    error: null,
    attempted_at: null,
    created_at: event.createdAt,
  };
}

export async function queueDeliveries(trx: Db, event: EventToDeliver): Promise<void> {
  const webhooks = await new WebhooksStore(trx).enabledFor(event.accountId);
  const deliveries = new DeliveriesStore(trx);
  for (const webhook of webhooks) {
    const patterns = JSON.parse(webhook.event_types) as string[];
    if (patterns.some((pattern) => patternMatches(pattern, event.type))) await deliveries.insert(firstAttempt(event, webhook.id));
  }
}
