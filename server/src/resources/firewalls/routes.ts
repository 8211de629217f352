// /v2/firewalls and GET /v2/instances/:id/firewall_rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { CreateFirewallBody, EffectiveRulesSchema, FirewallList, FirewallSchema, ListFirewallsQuery, PatchFirewallBody, UpdateFirewallBody } from './schema.js';
import type { FirewallsService } from './service.js';

const tags = ['Firewalls'];

export function registerFirewallRoutes(app: FastifyInstance, firewalls: FirewallsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/firewalls', scope: 'firewalls:read', cached: true, operationId: 'listFirewalls', summary: 'List firewalls, newest first', tags, query: ListFirewallsQuery, response: { 200: FirewallList } },
      async (request) => firewalls.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/firewalls',
        scope: 'firewalls:write',
        operationId: 'createFirewall',
        summary: 'Create a firewall: inbound is denied unless a rule allows it',
        tags,
        body: CreateFirewallBody,
        response: { 201: FirewallSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const firewall = await firewalls.create(caller(request), request.body, recordCreated(request, (f) => `/v2/firewalls/${f.id}`));
        return created(reply, `/v2/firewalls/${firewall.id}`, firewall);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/firewalls/:id', scope: 'firewalls:read', operationId: 'getFirewall', summary: 'Get a firewall', tags, params: IdParams, response: { 200: FirewallSchema }, errors: [404] },
      async (request) => firewalls.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/firewalls/:id',
        scope: 'firewalls:write',
        operationId: 'replaceFirewall',
        summary: 'Replace a firewall’s name, rules and targets',
        tags,
        params: IdParams,
        body: UpdateFirewallBody,
        response: { 200: FirewallSchema },
        errors: [404, 409, 422],
      },
      async (request) => firewalls.replace(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/firewalls/:id', scope: 'firewalls:write', operationId: 'patchFirewall', summary: 'Rename a firewall or change its labels', tags, params: IdParams, body: PatchFirewallBody, response: { 200: FirewallSchema }, errors: [404, 409] },
      async (request) => firewalls.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/firewalls/:id', scope: 'firewalls:write', operationId: 'deleteFirewall', summary: 'Delete a firewall', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404] },
      async (request, reply) => {
        await firewalls.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/instances/:id/firewall_rules',
        scope: 'instances:read',
        operationId: 'getInstanceFirewallRules',
        summary: 'The firewall rules an instance ends up with',
        tags: ['Instances', 'Firewalls'],
        params: IdParams,
        response: { 200: EffectiveRulesSchema },
        errors: [404],
      },
      async (request) => firewalls.effectiveRules(caller(request), request.params.id),
    ),
  ]);
}
