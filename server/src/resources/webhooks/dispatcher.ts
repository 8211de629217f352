// Runs webhook deliveries in the engine: a periodic worker task claims due attempts under a lease
// (once across nodes), sends them without holding up the worker, and records each outcome with
// the next attempt, or gives the webhook up, in one transaction.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { storedTime, type Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { newId } from '../../ids.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { presentEvent } from '../events/service.js';
import { eventById } from '../events/queries.js';
import { GIVE_UP_AFTER_MS, retryDelayMs } from './backoff.js';
import { claimDueDeliveries, DeliveriesStore, type DeliveryRow } from './deliveries-store.js';
import type { SendOutcome, WebhookSender } from './sender.js';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature.js';
import { WebhooksStore } from './store.js';

export class DeliveryDispatcher {
  readonly owner = `whd_${randomBytes(6).toString('hex')}`;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly sender: WebhookSender,
    private readonly events: EventsRecorder,
    private readonly settings: Config['worker'],
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Claims what is due and starts sending it; returns at once, so a slow receiver never holds up the worker. */
  async tick(): Promise<void> {
    const free = this.settings.concurrency - this.running.size;
    if (free <= 0) return;
    const now = this.clock();
    const claimed = await claimDueDeliveries(this.database, this.owner, storedTime(now), storedTime(now + this.settings.leaseMs), free);
    for (const delivery of claimed) {
      const work = this.deliver(delivery).catch((error: unknown) => {
        // The lease expires and the attempt is made again: at least once, never lost.
        this.log.error({ err: error, deliveryId: delivery.id }, 'a webhook delivery failed to run');
      });
      this.running.add(work);
      void work.finally(() => this.running.delete(work));
    }
  }

  /** Lets deliveries in flight finish and hands back any leases still held (when the worker stops). */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
    await new DeliveriesStore(this.database.db).releaseAll(this.owner);
  }

  private async deliver(delivery: DeliveryRow): Promise<void> {
    const db = this.database.db;
    const [webhook, event] = await Promise.all([new WebhooksStore(db).findById(delivery.webhook_id), eventById(db, delivery.event_id)]);
    if (!webhook || webhook.status !== 'enabled' || !event) {
      const why = !event ? 'The event no longer exists' : 'The webhook was disabled or deleted';
      await new DeliveriesStore(db).finish(delivery.id, this.owner, { status: 'failed', responseStatus: null, durationMs: 0, error: why, attemptedAt: storedTime(this.clock()) });
      return;
    }
    const body = JSON.stringify(presentEvent(event));
    const attemptedAt = this.clock();
    const outcome = await this.sender.send(webhook.url, body, {
      [SIGNATURE_HEADER]: signatureHeader(webhook.secret, Math.floor(attemptedAt / 1000), body),
      [EVENT_ID_HEADER]: event.id,
      [EVENT_TYPE_HEADER]: event.type,
    });
    await this.record(delivery, outcome, attemptedAt);
  }

  private async record(delivery: DeliveryRow, outcome: SendOutcome, attemptedAt: number): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const deliveries = new DeliveriesStore(trx);
      const status = outcome.ok ? 'succeeded' : 'failed';
      const held = await deliveries.finish(delivery.id, this.owner, { status, responseStatus: outcome.responseStatus, durationMs: outcome.durationMs, error: outcome.error, attemptedAt: storedTime(attemptedAt) });
      if (!held || outcome.ok) return;
      const now = this.clock();
      const next = now + retryDelayMs(delivery.attempt);
      if (next - Date.parse(delivery.first_due_at) <= GIVE_UP_AFTER_MS) {
        await deliveries.insert({ ...delivery, id: newId('whd'), attempt: delivery.attempt + 1, status: 'pending', run_after: storedTime(next), lease_owner: null, lease_expires_at: null, created_at: storedTime(now) });
        return;
      }
      // Failing for a day: the endpoint is gone or broken. Stop sending until its owner re-enables it.
      const reason = `Deliveries failed for 24 hours (last: ${outcome.error ?? 'unknown error'})`;
      if (!(await new WebhooksStore(trx).disable(delivery.webhook_id, reason, storedTime(now)))) return;
      await deliveries.cancelPending(delivery.webhook_id, 'The webhook was disabled');
      await this.events.record(trx, systemOrigin(delivery.account_id), 'webhook.disabled', delivery.webhook_id, { reason });
    });
  }
}
