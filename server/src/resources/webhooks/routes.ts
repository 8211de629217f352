// /v2/webhooks: endpoints that receive the account's events, and their delivery attempts.
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import { listQueryProperties, type Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreatedWebhookSchema, CreateWebhookBody, DeliveryList, TestEventAccepted, UpdateWebhookBody, WebhookList, WebhookSchema } from './schema.js';
import type { WebhooksService } from './service.js';

const tags = ['Webhooks'];
const idOf = (params: unknown) => (params as { id: string }).id;
const ListQuery = Type.Object(listQueryProperties, { additionalProperties: false });

export function registerWebhookRoutes(app: FastifyInstance, webhooks: WebhooksService, cursors: Cursors): void {
  app.get(
    '/v2/webhooks',
    {
      config: { scope: 'webhooks:read' },
      schema: { operationId: 'listWebhooks', summary: 'List webhooks, newest first', tags, querystring: ListQuery, response: { 200: WebhookList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => webhooks.list(caller(request), request.query as { limit?: number; cursor?: string }, cursors),
  );

  app.post(
    '/v2/webhooks',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        operationId: 'createWebhook',
        summary: 'Create a webhook',
        description:
          'The URL must be https:// on a public address: loopback, private, link-local and other internal targets are refused (422). ' +
          'The response carries the signing secret, shown only this once.',
        tags,
        body: CreateWebhookBody,
        response: { 201: CreatedWebhookSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const created = await webhooks.create(caller(request), request.body as Static<typeof CreateWebhookBody>, (trx, webhook) =>
        // The secret is shown once: a replay returns the webhook with `secret: null`, and it is never stored with the response.
        recordResponse(request, trx, { status: 201, body: { ...webhook, secret: null }, location: `/v2/webhooks/${webhook.id}` }),
      );
      return reply.status(201).header('Location', `/v2/webhooks/${created.id}`).send(created);
    },
  );

  app.get(
    '/v2/webhooks/:id',
    {
      config: { scope: 'webhooks:read' },
      schema: { operationId: 'getWebhook', summary: 'Get a webhook', tags, params: IdParams, response: { 200: WebhookSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request) => webhooks.get(caller(request), idOf(request.params)),
  );

  app.put(
    '/v2/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        operationId: 'updateWebhook',
        summary: 'Change a webhook\'s URL, event types or description, or enable or disable it',
        tags,
        params: IdParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 413, 415, 422) },
      },
    },
    async (request) => webhooks.update(caller(request), idOf(request.params), request.body as Static<typeof UpdateWebhookBody>),
  );

  app.delete(
    '/v2/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: { operationId: 'deleteWebhook', summary: 'Delete a webhook', tags, params: IdParams, response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request, reply) => {
      await webhooks.delete(caller(request), idOf(request.params));
      return reply.status(204).send();
    },
  );

  app.get(
    '/v2/webhooks/:id/deliveries',
    {
      config: { scope: 'webhooks:read' },
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'Delivery attempts to this webhook, newest first',
        tags,
        params: IdParams,
        querystring: ListQuery,
        response: { 200: DeliveryList, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => webhooks.deliveries(caller(request), idOf(request.params), request.query as { limit?: number; cursor?: string }, cursors),
  );

  app.post(
    '/v2/webhooks/:id/test',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        operationId: 'testWebhook',
        summary: 'Send a webhook.test event to this webhook',
        tags,
        params: IdParams,
        response: { 202: TestEventAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      const accepted = await webhooks.test(caller(request), idOf(request.params), (trx, body) => recordResponse(request, trx, { status: 202, body, location: null }));
      return reply.status(202).send(accepted);
    },
  );
}
