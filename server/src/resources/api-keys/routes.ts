// /v2/api_keys: a key holder manages the account's keys (never granting more than it holds).
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { ApiKeyList, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, RotateApiKeyBody } from './schema.js';
import type { ApiKeysService } from './service.js';

const tags = ['API keys'];

export function registerApiKeyRoutes(app: FastifyInstance, keys: ApiKeysService, cursors: Cursors): void {
  app.get(
    '/v2/api_keys',
    {
      config: { scope: 'api_keys:read' },
      schema: {
        operationId: 'listApiKeys',
        summary: 'List API keys, newest first',
        tags,
        querystring: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: ApiKeyList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => {
      const page = cursors.request('api_keys', request.query as { limit?: number; cursor?: string });
      return keys.list(caller(request).accountId, page, cursors);
    },
  );

  app.post(
    '/v2/api_keys',
    {
      config: { scope: 'api_keys:write' },
      schema: {
        operationId: 'createApiKey',
        summary: 'Create an API key; its secret is returned once',
        tags,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateApiKeyBody>;
      const auth = caller(request);
      const input = { name: body.name, scopes: body.scopes, regions: body.regions, expiresAt: body.expires_at ?? null };
      const created = await keys.createFor(auth, input, (trx, { key }) =>
        // The secret is shown once: a replay returns the key with `secret: null`, and it is never stored.
        recordResponse(request, trx, { status: 201, body: { key, secret: null }, location: `/v2/api_keys/${key.id}` }),
      );
      return reply.status(201).header('Location', `/v2/api_keys/${created.key.id}`).send(created);
    },
  );

  app.get(
    '/v2/api_keys/:id',
    {
      config: { scope: 'api_keys:read' },
      schema: {
        operationId: 'getApiKey',
        summary: 'Get an API key',
        tags,
        params: IdParams,
        response: { 200: ApiKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => keys.get(caller(request).accountId, (request.params as { id: string }).id),
  );

  app.post(
    '/v2/api_keys/:id/rotate',
    {
      config: { scope: 'api_keys:write' },
      schema: {
        operationId: 'rotateApiKey',
        summary: 'Rotate an API key: a new key with the same settings, its secret returned once',
        description: 'The old key keeps working for `grace_period`, then gets 401; its `replaced_by` names the new key.',
        tags,
        params: IdParams,
        body: RotateApiKeyBody,
        response: { 201: CreatedApiKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { grace_period } = request.body as Static<typeof RotateApiKeyBody>;
      const rotated = await keys.rotateFor(caller(request), id, grace_period, (trx, { key }) =>
        recordResponse(request, trx, { status: 201, body: { key, secret: null }, location: `/v2/api_keys/${key.id}` }),
      );
      return reply.status(201).header('Location', `/v2/api_keys/${rotated.key.id}`).send(rotated);
    },
  );

  app.delete(
    '/v2/api_keys/:id',
    {
      config: { scope: 'api_keys:write' },
      schema: {
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key; it stops working at once',
        tags,
        params: IdParams,
        response: { 200: ApiKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const auth = caller(request);
      return keys.revoke(auth.accountId, (request.params as { id: string }).id, auth);
    },
  );
}
