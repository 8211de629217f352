// /v2/events: the audit trail of every change.
import type { FastifyInstance } from 'fastify';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { EventList, EventSchema, ListEventsQuery } from './schema.js';
import type { EventQuery, EventsService } from './service.js';

const tags = ['Events'];

export function registerEventRoutes(app: FastifyInstance, events: EventsService, cursors: Cursors): void {
  app.get(
    '/v2/events',
    {
      config: { cached: true, scope: 'events:read' },
      schema: {
        operationId: 'listEvents',
        summary: 'List events, newest first',
        description: 'Every change to the account\'s resources, whether made by an API call or by the engine as actions run. Kept for 30 days unless the operator configures otherwise.',
        tags,
        querystring: ListEventsQuery,
        response: { 200: EventList, ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
      },
    },
    async (request) => events.list(caller(request).accountId, request.query as EventQuery, cursors),
  );

  app.get(
    '/v2/events/:id',
    {
      config: { scope: 'events:read' },
      schema: {
        operationId: 'getEvent',
        summary: 'Get an event',
        tags,
        params: IdParams,
        response: { 200: EventSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => events.get(caller(request).accountId, (request.params as { id: string }).id),
  );
}
