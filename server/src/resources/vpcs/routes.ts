// /v2/vpcs: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { CreateVpcBody, ListVpcsQuery, PatchVpcBody, UpdateVpcBody, VpcList, VpcSchema } from './schema.js';
import type { VpcsService } from './service.js';

const tags = ['VPCs'];

export function registerVpcRoutes(app: FastifyInstance, vpcs: VpcsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/vpcs', scope: 'vpcs:read', cached: true, operationId: 'listVpcs', summary: 'List VPCs, newest first', tags, query: ListVpcsQuery, response: { 200: VpcList } },
      async (request) => vpcs.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/vpcs',
        scope: 'vpcs:write',
        regionsOf: (request) => [request.body.region],
        operationId: 'createVpc',
        summary: 'Create a VPC: an isolated private address space in one region',
        tags,
        body: CreateVpcBody,
        response: { 201: VpcSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const vpc = await vpcs.create(caller(request), request.body, recordCreated(request, (v) => `/v2/vpcs/${v.id}`));
        return created(reply, `/v2/vpcs/${vpc.id}`, vpc);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/vpcs/:id', scope: 'vpcs:read', operationId: 'getVpc', summary: 'Get a VPC', tags, params: IdParams, response: { 200: VpcSchema }, errors: [404] },
      async (request) => vpcs.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/vpcs/:id',
        scope: 'vpcs:write',
        operationId: 'updateVpc',
        summary: 'Rename a VPC or change its description or labels',
        tags,
        params: IdParams,
        body: UpdateVpcBody,
        response: { 200: VpcSchema },
        errors: [404, 409],
      },
      async (request) => vpcs.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/vpcs/:id', scope: 'vpcs:write', operationId: 'patchVpc', summary: 'Rename a VPC or change its labels', tags, params: IdParams, body: PatchVpcBody, response: { 200: VpcSchema }, errors: [404, 409] },
      async (request) => vpcs.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/vpcs/:id', scope: 'vpcs:write', operationId: 'deleteVpc', summary: 'Delete a VPC that has no networks', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404, 409] },
      async (request, reply) => {
        await vpcs.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
  ]);
}
