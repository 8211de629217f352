import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { CreatedWebhook, CreateWebhook, Event, UpdateWebhook, Webhook, WebhookDelivery, WebhookTestAccepted } from '../models.js';
import { verify, type VerifyOptions } from '../webhooks/verify.js';

export class Webhooks extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<Webhook> {
    return listPages(params, (query) => this.transport.op('listWebhooks', { query }, options));
  }

  /** The response carries the signing secret (`whsec_…`): it is shown only this once. */
  create(body: CreateWebhook, options?: RequestOptions): Promise<CreatedWebhook> {
    return this.transport.op('createWebhook', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Webhook> {
    return this.transport.op('getWebhook', { path: { id } }, options);
  }

  update(id: string, body: UpdateWebhook, options?: RequestOptions): Promise<Webhook> {
    return this.transport.op('updateWebhook', { path: { id }, body }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteWebhook', { path: { id } }, options);
  }

  /** Every delivery attempt, newest first. */
  deliveries(id: string, params: PageParams = {}, options?: RequestOptions): PagePromise<WebhookDelivery> {
    return listPages(params, (query) => this.transport.op('listWebhookDeliveries', { path: { id }, query }, options));
  }

  /** Queues a `webhook.test` event for this webhook alone. */
  test(id: string, options?: RequestOptions): Promise<WebhookTestAccepted> {
    return this.transport.op('testWebhook', { path: { id } }, options);
  }

  /** Same as the package's `webhooks.verify`: checks a delivery's signature and returns its event. */
  verify(payload: string | Uint8Array, header: string, secret: string, options?: VerifyOptions): Event {
    return verify(payload, header, secret, options);
  }
}
