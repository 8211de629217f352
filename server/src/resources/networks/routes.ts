// /v2/networks: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { CreateNetworkBody, ListNetworksQuery, NetworkList, NetworkSchema, PatchNetworkBody } from './schema.js';
import type { NetworksService } from './service.js';

const tags = ['Networks'];

export function registerNetworkRoutes(app: FastifyInstance, networks: NetworksService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/networks', scope: 'networks:read', cached: true, operationId: 'listNetworks', summary: 'List private networks, newest first', tags, query: ListNetworksQuery, response: { 200: NetworkList } },
      async (request) => networks.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/networks',
        scope: 'networks:write',
        operationId: 'createNetwork',
        summary: 'Create a private network inside a VPC',
        tags,
        body: CreateNetworkBody,
        response: { 201: NetworkSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const network = await networks.create(caller(request), request.body, recordCreated(request, (n) => `/v2/networks/${n.id}`));
        return created(reply, `/v2/networks/${network.id}`, network);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/networks/:id', scope: 'networks:read', operationId: 'getNetwork', summary: 'Get a network', tags, params: IdParams, response: { 200: NetworkSchema }, errors: [404] },
      async (request) => networks.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/networks/:id', scope: 'networks:write', operationId: 'patchNetwork', summary: 'Rename a network or change its labels', tags, params: IdParams, body: PatchNetworkBody, response: { 200: NetworkSchema }, errors: [404, 409] },
      async (request) => networks.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/networks/:id', scope: 'networks:write', operationId: 'deleteNetwork', summary: 'Delete a network with no instances', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404, 409] },
      async (request, reply) => {
        await networks.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
  ]);
}
