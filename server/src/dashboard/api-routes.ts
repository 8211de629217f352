// The dashboard's JSON endpoints for an account's API keys and resources. They call the same
// services as /v2, as the account owner, so every rule lives in one place.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { MAX_LIMIT, type Cursors } from '../http/pagination.js';
import { IdParams } from '../http/schemas.js';
import { ApiKeyList, ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, RotateApiKeyBody } from '../resources/api-keys/schema.js';
import { SCOPE_RESOURCES } from '../resources/api-keys/scopes.js';
import type { ApiKeysService } from '../resources/api-keys/service.js';
import { REGIONS } from '../resources/catalog/data/regions.js';
import { InstanceList } from '../resources/instances/schema.js';
import type { InstancesService } from '../resources/instances/service.js';
import { NetworkList } from '../resources/networks/schema.js';
import type { NetworksService } from '../resources/networks/service.js';
import { VolumeList } from '../resources/volumes/schema.js';
import type { VolumesService } from '../resources/volumes/service.js';
import { CatalogSchema, PageQuery } from './schema.js';
import { ownerCaller, sessionOf } from './session-auth.js';

export interface DashboardServices {
  keys: ApiKeysService;
  instances: InstancesService;
  networks: NetworksService;
  volumes: VolumesService;
}

const SCOPES = ['*', ...SCOPE_RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`])];

export function registerDashboardApiRoutes(app: FastifyInstance, services: DashboardServices, cursors: Cursors): void {
  const { keys, instances, networks, volumes } = services;
  const config = { session: true } as const;
  const page = (query: unknown) => ({ limit: MAX_LIMIT, ...(query as Static<typeof PageQuery>) });
  const id = (params: unknown) => (params as { id: string }).id;

  app.get('/dashboard/api/catalog', { config, schema: { hide: true, response: { 200: CatalogSchema } } }, async () => ({
    scopes: SCOPES,
    regions: REGIONS.filter((r) => r.available).map((r) => ({ id: r.id, name: r.name })),
  }));

  app.get('/dashboard/api/api_keys', { config, schema: { hide: true, querystring: PageQuery, response: { 200: ApiKeyList } } }, async (request) =>
    keys.list(sessionOf(request).accountId, cursors.request('api_keys', page(request.query)), cursors),
  );

  app.post('/dashboard/api/api_keys', { config, schema: { hide: true, body: CreateApiKeyBody, response: { 201: CreatedApiKeySchema } } }, async (request, reply) => {
    const body = request.body as Static<typeof CreateApiKeyBody>;
    const owner = ownerCaller(request);
    const created = await keys.create(owner.accountId, { name: body.name, scopes: body.scopes, regions: body.regions ?? null, expiresAt: body.expires_at ?? null }, undefined, owner);
    return reply.status(201).send(created);
  });

  app.post(
    '/dashboard/api/api_keys/:id/rotate',
    { config, schema: { hide: true, params: IdParams, body: RotateApiKeyBody, response: { 201: CreatedApiKeySchema } } },
    async (request, reply) => {
      const { grace_period } = request.body as Static<typeof RotateApiKeyBody>;
      const owner = ownerCaller(request);
      return reply.status(201).send(await keys.rotate(owner.accountId, id(request.params), grace_period, undefined, owner));
    },
  );

  app.delete('/dashboard/api/api_keys/:id', { config, schema: { hide: true, params: IdParams, response: { 200: ApiKeySchema } } }, async (request) =>
    keys.revoke(sessionOf(request).accountId, id(request.params), ownerCaller(request)),
  );

  app.get('/dashboard/api/instances', { config, schema: { hide: true, querystring: PageQuery, response: { 200: InstanceList } } }, async (request) =>
    instances.list(ownerCaller(request), page(request.query), cursors),
  );

  app.get('/dashboard/api/networks', { config, schema: { hide: true, querystring: PageQuery, response: { 200: NetworkList } } }, async (request) =>
    networks.list(ownerCaller(request), page(request.query), cursors),
  );

  app.get('/dashboard/api/volumes', { config, schema: { hide: true, querystring: PageQuery, response: { 200: VolumeList } } }, async (request) =>
    volumes.list(ownerCaller(request), page(request.query), cursors),
  );
}
