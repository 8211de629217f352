// /v2/load_balancers: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { CreateLoadBalancerBody, ListLoadBalancersQuery, LoadBalancerAccepted, LoadBalancerList, LoadBalancerSchema, PatchLoadBalancerBody, UpdateLoadBalancerBody } from './schema.js';
import type { LoadBalancersService } from './service.js';

const tags = ['Load balancers'];

export function registerLoadBalancerRoutes(app: FastifyInstance, balancers: LoadBalancersService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/load_balancers',
        scope: 'load_balancers:read',
        cached: true,
        operationId: 'listLoadBalancers',
        summary: 'List load balancers, newest first',
        tags,
        query: ListLoadBalancersQuery,
        response: { 200: LoadBalancerList },
      },
      async (request) => balancers.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/load_balancers',
        scope: 'load_balancers:write',
        rateClass: 'create',
        operationId: 'createLoadBalancer',
        summary: 'Create a load balancer in a VPC; it becomes active when its create action completes',
        tags,
        body: CreateLoadBalancerBody,
        response: { 201: LoadBalancerSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const balancer = await balancers.create(caller(request), request.body, recordCreated(request, (b) => `/v2/load_balancers/${b.id}`));
        return created(reply, `/v2/load_balancers/${balancer.id}`, balancer);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/load_balancers/:id', scope: 'load_balancers:read', operationId: 'getLoadBalancer', summary: 'Get a load balancer', tags, params: IdParams, response: { 200: LoadBalancerSchema }, errors: [404] },
      async (request) => balancers.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/load_balancers/:id',
        scope: 'load_balancers:write',
        operationId: 'updateLoadBalancer',
        summary: 'Replace the forwarding rules, health check and targets (through an action)',
        tags,
        params: IdParams,
        body: UpdateLoadBalancerBody,
        response: { 202: LoadBalancerAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await balancers.operate(caller(request), request.params.id, 'update', request.body)),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/load_balancers/:id', scope: 'load_balancers:write', operationId: 'patchLoadBalancer', summary: 'Rename a load balancer or change its labels', tags, params: IdParams, body: PatchLoadBalancerBody, response: { 200: LoadBalancerSchema }, errors: [404, 409] },
      async (request) => balancers.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/load_balancers/:id', scope: 'load_balancers:write', operationId: 'deleteLoadBalancer', summary: 'Delete a load balancer', tags, params: IdParams, response: { 202: LoadBalancerAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await balancers.operate(caller(request), request.params.id, 'delete')),
    ),
  ]);
}
