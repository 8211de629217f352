// /v2/reserved_ips: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { AssignReservedIpBody, CreateReservedIpBody, ListReservedIpsQuery, ReservedIpActionAccepted, ReservedIpList, ReservedIpSchema, UpdateReservedIpBody } from './schema.js';
import type { ReservedIpsService } from './service.js';

const tags = ['Reserved IPs'];

export function registerReservedIpRoutes(app: FastifyInstance, reservedIps: ReservedIpsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/reserved_ips',
        scope: 'reserved_ips:read',
        cached: true,
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listReservedIps',
        summary: 'List reserved IPs, newest first',
        tags,
        query: ListReservedIpsQuery,
        response: { 200: ReservedIpList },
      },
      async (request) => reservedIps.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/reserved_ips',
        scope: 'reserved_ips:write',
        rateClass: 'create',
        operationId: 'createReservedIp',
        summary: "Reserve a public IPv4 address from the operator's pool",
        description: 'The address is unassigned until assigned to an instance in its region; 422 `pool_exhausted` when the pool has none left.',
        tags,
        body: CreateReservedIpBody,
        response: { 201: ReservedIpSchema },
        errors: [422],
      },
      async (request, reply) => {
        const reservedIp = await reservedIps.create(caller(request), request.body, recordCreated(request, (r) => `/v2/reserved_ips/${r.id}`));
        return created(reply, `/v2/reserved_ips/${reservedIp.id}`, reservedIp);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/reserved_ips/:id', scope: 'reserved_ips:read', operationId: 'getReservedIp', summary: 'Get a reserved IP', tags, params: IdParams, response: { 200: ReservedIpSchema }, errors: [404] },
      async (request) => reservedIps.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/reserved_ips/:id', scope: 'reserved_ips:write', operationId: 'patchReservedIp', summary: "Change a reserved IP's labels", tags, params: IdParams, body: UpdateReservedIpBody, response: { 200: ReservedIpSchema }, errors: [404] },
      async (request) => reservedIps.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/reserved_ips/:id', scope: 'reserved_ips:write', operationId: 'deleteReservedIp', summary: 'Release an unassigned reserved IP to the pool', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404, 409] },
      async (request, reply) => {
        await reservedIps.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/reserved_ips/:id/assign',
        scope: 'reserved_ips:write',
        operationId: 'assignReservedIp',
        summary: 'Route the address to an instance in the same region (an assigned one moves)',
        tags,
        params: IdParams,
        body: AssignReservedIpBody,
        response: { 202: ReservedIpActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await reservedIps.operate(caller(request), request.params.id, 'assign', request.body)),
    ),
    defineRoute(
      { method: 'PUT', url: '/v2/reserved_ips/:id/unassign', scope: 'reserved_ips:write', operationId: 'unassignReservedIp', summary: 'Stop routing the address to its instance', tags, params: IdParams, response: { 202: ReservedIpActionAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await reservedIps.operate(caller(request), request.params.id, 'unassign')),
    ),
  ]);
}
