// /v2/vpcs and /v2/networks: HTTP only; the services hold the rules.
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreateNetworkBody, ListNetworksQuery, NetworkList, NetworkSchema } from '../networks/schema.js';
import type { NetworkQuery, NetworksService } from '../networks/service.js';
import { CreateVpcBody, ListVpcsQuery, UpdateVpcBody, VpcList, VpcSchema } from './schema.js';
import type { VpcsService } from './service.js';

const idOf = (params: unknown) => (params as { id: string }).id;
const NoContent = Type.Null({ description: 'Deleted; no body' });

export function registerNetworkingRoutes(app: FastifyInstance, vpcs: VpcsService, networks: NetworksService, cursors: Cursors): void {
  const vpcTags = ['VPCs'];
  app.get(
    '/v2/vpcs',
    {
      config: { cached: true, scope: 'vpcs:read' },
      schema: { operationId: 'listVpcs', summary: 'List VPCs, newest first', tags: vpcTags, querystring: ListVpcsQuery, response: { 200: VpcList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => vpcs.list(caller(request), request.query as { region?: string; label_selector?: string; limit?: number; cursor?: string }, cursors),
  );
  app.post(
    '/v2/vpcs',
    {
      config: { scope: 'vpcs:write', regionsOf: (request) => [(request.body as { region: string }).region] },
      schema: {
        operationId: 'createVpc',
        summary: 'Create a VPC: an isolated private address space in one region',
        tags: vpcTags,
        body: CreateVpcBody,
        response: { 201: VpcSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const vpc = await vpcs.create(caller(request), request.body as Static<typeof CreateVpcBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/vpcs/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/vpcs/${vpc.id}`).send(vpc);
    },
  );
  app.get(
    '/v2/vpcs/:id',
    { config: { scope: 'vpcs:read' }, schema: { operationId: 'getVpc', summary: 'Get a VPC', tags: vpcTags, params: IdParams, response: { 200: VpcSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } } },
    async (request) => vpcs.get(caller(request), idOf(request.params)),
  );
  app.put(
    '/v2/vpcs/:id',
    {
      config: { scope: 'vpcs:write' },
      schema: {
        operationId: 'updateVpc',
        summary: 'Rename a VPC or change its description or labels',
        tags: vpcTags,
        params: IdParams,
        body: UpdateVpcBody,
        response: { 200: VpcSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415) },
      },
    },
    async (request) => vpcs.update(caller(request), idOf(request.params), request.body as Static<typeof UpdateVpcBody>),
  );
  app.delete(
    '/v2/vpcs/:id',
    {
      config: { scope: 'vpcs:write' },
      schema: { operationId: 'deleteVpc', summary: 'Delete a VPC that has no networks', tags: vpcTags, params: IdParams, response: { 204: NoContent, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) } },
    },
    async (request, reply) => {
      await vpcs.delete(caller(request), idOf(request.params));
      return reply.status(204).send();
    },
  );

  const netTags = ['Networks'];
  app.get(
    '/v2/networks',
    {
      config: { cached: true, scope: 'networks:read' },
      schema: {
        operationId: 'listNetworks',
        summary: 'List private networks, newest first',
        tags: netTags,
        querystring: ListNetworksQuery,
        response: { 200: NetworkList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => networks.list(caller(request), request.query as NetworkQuery, cursors),
  );
  app.post(
    '/v2/networks',
    {
      config: { scope: 'networks:write' },
      schema: {
        operationId: 'createNetwork',
        summary: 'Create a private network inside a VPC',
        tags: netTags,
        body: CreateNetworkBody,
        response: { 201: NetworkSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const network = await networks.create(caller(request), request.body as Static<typeof CreateNetworkBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/networks/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/networks/${network.id}`).send(network);
    },
  );
  app.get(
    '/v2/networks/:id',
    { config: { scope: 'networks:read' }, schema: { operationId: 'getNetwork', summary: 'Get a network', tags: netTags, params: IdParams, response: { 200: NetworkSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } } },
    async (request) => networks.get(caller(request), idOf(request.params)),
  );
  app.delete(
    '/v2/networks/:id',
    {
      config: { scope: 'networks:write' },
      schema: { operationId: 'deleteNetwork', summary: 'Delete a network with no instances', tags: netTags, params: IdParams, response: { 204: NoContent, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) } },
    },
    async (request, reply) => {
      await networks.delete(caller(request), idOf(request.params));
      return reply.status(204).send();
    },
  );
}
