// /v2/webhooks: endpoints that receive the account's events, and their delivery attempts.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import { recordResponse } from '../../http/idempotency.js';
import { listQueryProperties, type Cursors } from '../../http/pagination.js';
import { created, noContent } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { CreatedWebhookSchema, CreateWebhookBody, DeliveryList, TestEventAccepted, UpdateWebhookBody, WebhookList, WebhookSchema } from './schema.js';
import type { WebhooksService } from './service.js';

const tags = ['Webhooks'];
const ListQuery = Type.Object(listQueryProperties, { additionalProperties: false });

export function registerWebhookRoutes(app: FastifyInstance, webhooks: WebhooksService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/webhooks', scope: 'webhooks:read', operationId: 'listWebhooks', summary: 'List webhooks, newest first', tags, query: ListQuery, response: { 200: WebhookList } },
      async (request) => webhooks.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/webhooks',
        scope: 'webhooks:write',
        operationId: 'createWebhook',
        summary: 'Create a webhook',
        description:
          'The URL must be https:// on a public address: loopback, private, link-local and other internal targets are refused (422). ' +
          'The response carries the signing secret, shown only this once.',
        tags,
        body: CreateWebhookBody,
        response: { 201: CreatedWebhookSchema },
        errors: [422],
      },
      async (request, reply) => {
        const webhook = await webhooks.create(caller(request), request.body, (trx, stored) =>
          // The secret is shown once: a replay returns the webhook with `secret: null`, and it is never stored with the response.
          recordResponse(request, trx, { status: 201, body: { ...stored, secret: null }, location: `/v2/webhooks/${stored.id}` }),
        );
        return created(reply, `/v2/webhooks/${webhook.id}`, webhook);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/webhooks/:id', scope: 'webhooks:read', operationId: 'getWebhook', summary: 'Get a webhook', tags, params: IdParams, response: { 200: WebhookSchema }, errors: [404] },
      async (request) => webhooks.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/webhooks/:id',
        scope: 'webhooks:write',
        operationId: 'updateWebhook',
        summary: 'Change a webhook\'s URL, event types or description, or enable or disable it',
        tags,
        params: IdParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookSchema },
        errors: [404, 422],
      },
      async (request) => webhooks.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/webhooks/:id', scope: 'webhooks:write', operationId: 'deleteWebhook', summary: 'Delete a webhook', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404] },
      async (request, reply) => {
        await webhooks.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/webhooks/:id/deliveries',
        scope: 'webhooks:read',
        operationId: 'listWebhookDeliveries',
        summary: 'Delivery attempts to this webhook, newest first',
        tags,
        params: IdParams,
        query: ListQuery,
        response: { 200: DeliveryList },
        errors: [404],
      },
      async (request) => webhooks.deliveries(caller(request), request.params.id, request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/webhooks/:id/test',
        scope: 'webhooks:write',
        operationId: 'testWebhook',
        summary: 'Send a webhook.test event to this webhook',
        tags,
        params: IdParams,
        response: { 202: TestEventAccepted },
        errors: [404, 409],
      },
      async (request, reply) => {
        // 202 without a Location: the test event is delivered, not polled as an action.
        const sent = await webhooks.test(caller(request), request.params.id, (trx, body) => recordResponse(request, trx, { status: 202, body, location: null }));
        return reply.status(202).send(sent);
      },
    ),
  ]);
}
