// Webhooks: where an account's events are sent. Targets are checked against the SSRF policy, the
// signing secret is shown once, and every change is itself an event.
import { apiTime, storedTime } from '../../clock.js';
import { inTransaction, type Within } from '../../db/database.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Caller } from '../events/origin.js';
import { EVENT_TYPES, patternMatches } from '../events/types.js';
import { DeliveriesStore, type DeliveryRow } from './deliveries-store.js';
import { newWebhookSecret } from './signature.js';
import { WebhooksStore, type WebhookRow } from './store.js';
import { RefusedTarget, type TargetPolicy } from './target-policy.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';

export interface Webhook {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  status: 'enabled' | 'disabled';
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookInput {
  url?: string;
  description?: string;
  event_types?: string[];
  /** Re-enables a disabled webhook, or pauses one. */
  enabled?: boolean;
}

export interface Delivery {
  id: string;
  event_id: string;
  attempt: number;
  status: 'pending' | 'succeeded' | 'failed';
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  scheduled_at: string;
  attempted_at: string | null;
}

export class WebhooksService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'db' | 'events'>,
    private readonly uses: { policy: TargetPolicy },
  ) {}

  async create(caller: Caller, input: Required<Pick<WebhookInput, 'url' | 'event_types'>> & WebhookInput, within: Within<Webhook & { secret: string }>): Promise<Webhook & { secret: string }> {
    await this.validate(input);
    const now = storedTime(this.context.clock());
    const row: WebhookRow = {
      id: newId('wh'),
      account_id: caller.accountId,
      url: input.url,
      description: input.description ?? '',
      event_types: JSON.stringify([...new Set(input.event_types)]),
      secret: newWebhookSecret(),
      status: input.enabled === false ? 'disabled' : 'enabled',
      disabled_reason: null,
      created_at: now,
      updated_at: now,
    };
    const webhook = present(row);
    const created = { ...webhook, secret: row.secret };
    await inTransaction(this.context.db, async (trx) => {
      await new WebhooksStore(trx).insert(row);
      await this.context.events.record(trx, caller, 'webhook.created', row.id, webhook);
      await within(trx, created);
    });
    return created;
  }

  async list(caller: Caller, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Webhook>> {
    const request = cursors.request('webhooks', query);
    const rows = await new WebhooksStore(this.context.db).list(caller.accountId, request);
    return cursors.page('webhooks', request, rows, (r) => [r.created_at, r.id], present);
  }

  async get(caller: Caller, id: string): Promise<Webhook> {
    return present(await this.owned(caller, id));
  }

  async update(caller: Caller, id: string, input: WebhookInput): Promise<Webhook> {
    const row = await this.owned(caller, id);
    await this.validate(input);
    const changes: Partial<WebhookRow> = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.event_types !== undefined ? { event_types: JSON.stringify([...new Set(input.event_types)]) } : {}),
      ...(input.enabled !== undefined ? { status: input.enabled ? 'enabled' : 'disabled', disabled_reason: null } : {}),
      updated_at: storedTime(this.context.clock()),
    };
    const webhook = present({ ...row, ...changes });
    await inTransaction(this.context.db, async (trx) => {
      await new WebhooksStore(trx).update(caller.accountId, id, changes);
      if (input.enabled === false) await new DeliveriesStore(trx).cancelPending(id, 'The webhook was disabled');
      await this.context.events.record(trx, caller, 'webhook.updated', id, webhook);
    });
    return webhook;
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await inTransaction(this.context.db, async (trx) => {
      if (!(await new WebhooksStore(trx).delete(caller.accountId, id))) throw notFound(`Webhook ${id}`);
      await new DeliveriesStore(trx).deleteFor(id);
      await this.context.events.record(trx, caller, 'webhook.deleted', id, {});
    });
  }

  async deliveries(caller: Caller, id: string, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Delivery>> {
    await this.owned(caller, id);
    const request = cursors.request('webhook_deliveries', query);
    const rows = await new DeliveriesStore(this.context.db).list(id, request);
    return cursors.page('webhook_deliveries', request, rows, (r) => [r.created_at, r.id], presentDelivery);
  }

  /** Sends a `webhook.test` event to this webhook alone; returns the event's id. */
  async test(caller: Caller, id: string, within: Within<{ event_id: string }>): Promise<{ event_id: string }> {
    const row = await this.owned(caller, id);
    if (row.status !== 'enabled') throw apiError('invalid_state', `Webhook ${id} is disabled; enable it first`);
    return inTransaction(this.context.db, async (trx) => {
      const accepted = { event_id: await this.context.events.record(trx, caller, 'webhook.test', id, { webhook_id: id }, { onlyTo: id }) };
      await within(trx, accepted);
      return accepted;
    });
  }

  private async owned(caller: Caller, id: string): Promise<WebhookRow> {
    const row = await new WebhooksStore(this.context.db).find(caller.accountId, id);
    if (!row) throw notFound(`Webhook ${id}`);
    return row;
  }

  private async validate(input: WebhookInput): Promise<void> {
    const problems: ErrorDetail[] = [];
    input.event_types?.forEach((pattern, i) => {
      if (!EVENT_TYPES.some((type) => patternMatches(pattern, type))) problems.push({ field: `event_types[${i}]`, message: `No event type matches "${pattern}"` });
    });
    if (input.url !== undefined) {
      try {
        await this.uses.policy.resolve(input.url);
      } catch (error) {
        if (!(error instanceof RefusedTarget)) throw error;
        problems.push({ field: 'url', message: error.message });
      }
    }
    if (problems.length > 0) throw validationFailed(problems);
  }
}

function present(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: JSON.parse(row.event_types) as string[],
    status: row.status as Webhook['status'],
    disabled_reason: row.disabled_reason,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}

function presentDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    event_id: row.event_id,
    attempt: row.attempt,
    status: row.status as Delivery['status'],
    response_status: row.response_status,
    duration_ms: row.duration_ms,
    error: row.error,
    scheduled_at: apiTime(row.run_after),
    attempted_at: apiTime(row.attempted_at),
  };
}
