// /v2/firewalls and GET /v2/instances/:id/firewall_rules.
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreateFirewallBody, EffectiveRulesSchema, FirewallList, FirewallSchema, ListFirewallsQuery, UpdateFirewallBody } from './schema.js';
import type { FirewallsService } from './service.js';

const tags = ['Firewalls'];
const idOf = (params: unknown) => (params as { id: string }).id;

export function registerFirewallRoutes(app: FastifyInstance, firewalls: FirewallsService, cursors: Cursors): void {
  app.get(
    '/v2/firewalls',
    {
      config: { cached: true, scope: 'firewalls:read' },
      schema: { operationId: 'listFirewalls', summary: 'List firewalls, newest first', tags, querystring: ListFirewallsQuery, response: { 200: FirewallList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => firewalls.list(caller(request), request.query as { label_selector?: string; limit?: number; cursor?: string }, cursors),
  );
  app.post(
    '/v2/firewalls',
    {
      config: { scope: 'firewalls:write' },
      schema: {
        operationId: 'createFirewall',
        summary: 'Create a firewall: inbound is denied unless a rule allows it',
        tags,
        body: CreateFirewallBody,
        response: { 201: FirewallSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const firewall = await firewalls.create(caller(request), request.body as Static<typeof CreateFirewallBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/firewalls/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/firewalls/${firewall.id}`).send(firewall);
    },
  );
  app.get(
    '/v2/firewalls/:id',
    { config: { scope: 'firewalls:read' }, schema: { operationId: 'getFirewall', summary: 'Get a firewall', tags, params: IdParams, response: { 200: FirewallSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } } },
    async (request) => firewalls.get(caller(request), idOf(request.params)),
  );
  app.put(
    '/v2/firewalls/:id',
    {
      config: { scope: 'firewalls:write' },
      schema: {
        operationId: 'replaceFirewall',
        summary: 'Replace a firewall’s name, rules and targets',
        tags,
        params: IdParams,
        body: UpdateFirewallBody,
        response: { 200: FirewallSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => firewalls.replace(caller(request), idOf(request.params), request.body as Static<typeof UpdateFirewallBody>),
  );
  app.delete(
    '/v2/firewalls/:id',
    {
      config: { scope: 'firewalls:write' },
      schema: { operationId: 'deleteFirewall', summary: 'Delete a firewall', tags, params: IdParams, response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request, reply) => {
      await firewalls.delete(caller(request), idOf(request.params));
      return reply.status(204).send();
    },
  );
  app.get(
    '/v2/instances/:id/firewall_rules',
    {
      config: { scope: 'instances:read' },
      schema: {
        operationId: 'getInstanceFirewallRules',
        summary: 'The firewall rules an instance ends up with',
        tags: ['Instances', 'Firewalls'],
        params: IdParams,
        response: { 200: EffectiveRulesSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => firewalls.effectiveRules(caller(request), idOf(request.params)),
  );
}
