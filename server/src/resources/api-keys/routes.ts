// /v2/api_keys: a key holder manages the account's keys (never granting more than it holds).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Db } from '../../db/database.js';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { recordResponse } from '../../http/idempotency.js';
import { created } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { ApiKeyList, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, PatchApiKeyBody, RotateApiKeyBody } from './schema.js';
import type { ApiKeysService } from './service.js';

const tags = ['API keys'];

/** The secret is shown once: a replay returns the key with `secret: null`, and it is never stored. */
function recordWithoutSecret(request: FastifyRequest) {
  return (trx: Db, { key }: { key: { id: string } }) => recordResponse(request, trx, { status: 201, body: { key, secret: null }, location: `/v2/api_keys/${key.id}` });
}

export function registerApiKeyRoutes(app: FastifyInstance, keys: ApiKeysService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/api_keys',
        scope: 'api_keys:read',
        operationId: 'listApiKeys',
        summary: 'List API keys, newest first',
        tags,
        query: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: ApiKeyList },
      },
      async (request) => keys.list(caller(request).accountId, cursors.request('api_keys', request.query), cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/api_keys',
        scope: 'api_keys:write',
        operationId: 'createApiKey',
        summary: 'Create an API key; its secret is returned once',
        tags,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKeySchema },
        errors: [422],
      },
      async (request, reply) => {
        const { body } = request;
        const input = { name: body.name, scopes: body.scopes, regions: body.regions, expiresAt: body.expires_at ?? null };
        const made = await keys.createFor(caller(request), input, recordWithoutSecret(request));
        return created(reply, `/v2/api_keys/${made.key.id}`, made);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/api_keys/:id', scope: 'api_keys:read', operationId: 'getApiKey', summary: 'Get an API key', tags, params: IdParams, response: { 200: ApiKeySchema }, errors: [404] },
      async (request) => keys.get(caller(request).accountId, request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/api_keys/:id', scope: 'api_keys:write', operationId: 'patchApiKey', summary: 'Rename an API key', tags, params: IdParams, body: PatchApiKeyBody, response: { 200: ApiKeySchema }, errors: [404, 422] },
      async (request) => keys.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/api_keys/:id/rotate',
        scope: 'api_keys:write',
        operationId: 'rotateApiKey',
        summary: 'Rotate an API key: a new key with the same settings, its secret returned once',
        description: 'The old key keeps working for `grace_period`, then gets 401; its `replaced_by` names the new key.',
        tags,
        params: IdParams,
        body: RotateApiKeyBody,
        response: { 201: CreatedApiKeySchema },
        errors: [404, 409],
      },
      async (request, reply) => {
        const rotated = await keys.rotateFor(caller(request), request.params.id, request.body.grace_period, recordWithoutSecret(request));
        return created(reply, `/v2/api_keys/${rotated.key.id}`, rotated);
      },
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/api_keys/:id', scope: 'api_keys:write', operationId: 'revokeApiKey', summary: 'Revoke an API key; it stops working at once', tags, params: IdParams, response: { 200: ApiKeySchema }, errors: [404, 409] },
      async (request) => {
        const auth = caller(request);
        return keys.revoke(auth.accountId, request.params.id, auth);
      },
    ),
  ]);
}
