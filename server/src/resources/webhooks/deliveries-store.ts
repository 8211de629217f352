// Delivery attempts: the pending one is queued for the engine, finished ones are the history.
import type { Database, Db } from '../../db/database.js';
import type { WebhookDeliveriesTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import { claimDue, releaseLeases } from '../../engine/queue.js';
import type { PageRequest } from '../../http/pagination.js';

export type DeliveryRow = WebhookDeliveriesTable;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export interface AttemptOutcome {
  status: 'succeeded' | 'failed';
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  attemptedAt: string;
}

export class DeliveriesStore {
  constructor(private readonly db: Db) {}

  async insert(row: DeliveryRow): Promise<void> {
    await this.db.insertInto('webhook_deliveries').values(row).execute();
  }

  async list(webhookId: string, page: PageRequest): Promise<DeliveryRow[]> {
    return pageNewestFirst(this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId), page).execute();
  }

  /** Records how an attempt this worker holds ended; false when its lease was lost to another worker. */
  async finish(id: string, owner: string, outcome: AttemptOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        response_status: outcome.responseStatus,
        duration_ms: outcome.durationMs,
        error: outcome.error,
        attempted_at: outcome.attemptedAt,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends the pending attempts of a webhook that was disabled or deleted: nothing more is sent to it. */
  async cancelPending(webhookId: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', error: reason, lease_owner: null, lease_expires_at: null })
      .where('webhook_id', '=', webhookId)
      .where('status', '=', 'pending')
      .execute();
  }

  async deleteFor(webhookId: string): Promise<void> {
    await this.db.deleteFrom('webhook_deliveries').where('webhook_id', '=', webhookId).execute();
  }

  /** Deletes finished attempts made before `cutoff` (they outlive no event they carried). */
  async pruneBefore(cutoff: string): Promise<void> {
    await this.db.deleteFrom('webhook_deliveries').where('created_at', '<', cutoff).where('status', '!=', 'pending').execute();
  }

  async releaseAll(owner: string): Promise<void> {
    await releaseLeases(this.db, 'webhook_deliveries', owner);
  }
}

export function claimDueDeliveries(database: Database, owner: string, now: string, leaseUntil: string, limit: number): Promise<DeliveryRow[]> {
  return claimDue<DeliveryRow>(database, 'webhook_deliveries', 'pending', owner, now, leaseUntil, limit);
}
