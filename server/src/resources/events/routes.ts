// /v2/events: the audit trail of every change.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { EventList, EventSchema, ListEventsQuery } from './schema.js';
import type { EventsService } from './service.js';

const tags = ['Events'];

export function registerEventRoutes(app: FastifyInstance, events: EventsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/events',
        scope: 'events:read',
        cached: true,
        operationId: 'listEvents',
        summary: 'List events, newest first',
        description: 'Every change to the account\'s resources, whether made by an API call or by the engine as actions run. Kept for 30 days unless the operator configures otherwise.',
        tags,
        query: ListEventsQuery,
        response: { 200: EventList },
        errors: [422],
      },
      async (request) => events.list(caller(request).accountId, request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/events/:id', scope: 'events:read', operationId: 'getEvent', summary: 'Get an event', tags, params: IdParams, response: { 200: EventSchema }, errors: [404] },
      async (request) => events.get(caller(request).accountId, request.params.id),
    ),
  ]);
}
