// The dashboard's JSON endpoints for an account's API keys (resources the pages read and change
// through /v2 itself, with the session: session-auth.ts). They call the same services as /v2, as
// the account owner, so every rule lives in one place.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { MAX_LIMIT, type Cursors } from '../http/pagination.js';
import { IdParams } from '../http/schemas.js';
import { ApiKeyList, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, RotateApiKeyBody } from '../resources/api-keys/schema.js';
import { SCOPE_RESOURCES } from '../resources/api-keys/scopes.js';
import type { ApiKeysService } from '../resources/api-keys/service.js';
import { REGIONS } from '../resources/catalog/data/regions.js';
import { CatalogSchema, PageQuery } from './schema.js';
import { ownerCaller, sessionOf } from './session-auth.js';

export interface DashboardServices {
  keys: ApiKeysService;
}

const SCOPES = ['*', ...SCOPE_RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`])];

export function registerDashboardApiRoutes(untyped: FastifyInstance, services: DashboardServices, cursors: Cursors): void {
  const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
  const { keys } = services;
  const config = { session: true } as const;
  const page = (query: Static<typeof PageQuery>) => ({ limit: MAX_LIMIT, ...query });

  app.get('/dashboard/api/catalog', { config, schema: { hide: true, response: { 200: CatalogSchema } } }, async () => ({
    scopes: SCOPES,
    regions: REGIONS.filter((r) => r.available).map((r) => ({ id: r.id, name: r.name })),
  }));

  app.get('/dashboard/api/api_keys', { config, schema: { hide: true, querystring: PageQuery, response: { 200: ApiKeyList } } }, async (request) =>
    keys.list(sessionOf(request).accountId, cursors.request('api_keys', page(request.query)), cursors),
  );

  app.post('/dashboard/api/api_keys', { config, schema: { hide: true, body: CreateApiKeyBody, response: { 201: CreatedApiKeySchema } } }, async (request, reply) => {
    const { body } = request;
    const owner = ownerCaller(request);
    const created = await keys.create(owner.accountId, { name: body.name, scopes: body.scopes, regions: body.regions ?? null, expiresAt: body.expires_at ?? null }, undefined, owner);
    return reply.status(201).send(created);
  });

  app.post(
    '/dashboard/api/api_keys/:id/rotate',
    { config, schema: { hide: true, params: IdParams, body: RotateApiKeyBody, response: { 201: CreatedApiKeySchema } } },
    async (request, reply) => {
      const { grace_period } = request.body;
      const owner = ownerCaller(request);
      return reply.status(201).send(await keys.rotate(owner.accountId, request.params.id, grace_period, undefined, owner));
    },
  );

  app.delete('/dashboard/api/api_keys/:id', { config, schema: { hide: true, params: IdParams, response: { 200: ApiKeySchema } } }, async (request) =>
    keys.revoke(sessionOf(request).accountId, request.params.id, ownerCaller(request)),
  );
}
