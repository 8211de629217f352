// /v2/load_balancers: HTTP only; the service holds the rules.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreateLoadBalancerBody, ListLoadBalancersQuery, LoadBalancerAccepted, LoadBalancerList, LoadBalancerSchema, UpdateLoadBalancerBody } from './schema.js';
import type { LoadBalancersService } from './service.js';

const tags = ['Load balancers'];
const idOf = (params: unknown) => (params as { id: string }).id;
const accepted = (reply: FastifyReply, body: { action_id: string }) => reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);

export function registerLoadBalancerRoutes(app: FastifyInstance, balancers: LoadBalancersService, cursors: Cursors): void {
  app.get(
    '/v2/load_balancers',
    {
      config: { cached: true, scope: 'load_balancers:read' },
      schema: { operationId: 'listLoadBalancers', summary: 'List load balancers, newest first', tags, querystring: ListLoadBalancersQuery, response: { 200: LoadBalancerList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => balancers.list(caller(request), request.query as { region?: string; vpc_id?: string; label_selector?: string; limit?: number; cursor?: string }, cursors),
  );
  app.post(
    '/v2/load_balancers',
    {
      config: { scope: 'load_balancers:write', rateClass: 'create' },
      schema: {
        operationId: 'createLoadBalancer',
        summary: 'Create a load balancer in a VPC; it becomes active when its create action completes',
        tags,
        body: CreateLoadBalancerBody,
        response: { 201: LoadBalancerSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const balancer = await balancers.create(caller(request), request.body as Static<typeof CreateLoadBalancerBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/load_balancers/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/load_balancers/${balancer.id}`).send(balancer);
    },
  );
  app.get(
    '/v2/load_balancers/:id',
    { config: { scope: 'load_balancers:read' }, schema: { operationId: 'getLoadBalancer', summary: 'Get a load balancer', tags, params: IdParams, response: { 200: LoadBalancerSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } } },
    async (request) => balancers.get(caller(request), idOf(request.params)),
  );
  app.put(
    '/v2/load_balancers/:id',
    {
      config: { scope: 'load_balancers:write' },
      schema: {
        operationId: 'updateLoadBalancer',
        summary: 'Replace the forwarding rules, health check and targets (through an action)',
        tags,
        params: IdParams,
        body: UpdateLoadBalancerBody,
        response: { 202: LoadBalancerAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => accepted(reply, await balancers.operate(caller(request), idOf(request.params), 'update', request.body as Static<typeof UpdateLoadBalancerBody>)),
  );
  app.delete(
    '/v2/load_balancers/:id',
    {
      config: { scope: 'load_balancers:write' },
      schema: { operationId: 'deleteLoadBalancer', summary: 'Delete a load balancer', tags, params: IdParams, response: { 202: LoadBalancerAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) } },
    },
    async (request, reply) => accepted(reply, await balancers.operate(caller(request), idOf(request.params), 'delete')),
  );
}
