// /v2/actions: every async operation and its outcome.
import type { FastifyInstance } from 'fastify';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { ActionList, ActionSchema, ListActionsQuery, type ActionStatus } from './schema.js';
import type { ActionsService } from './service.js';

const tags = ['Actions'];

export function registerActionRoutes(app: FastifyInstance, actions: ActionsService, cursors: Cursors): void {
  app.get(
    '/v2/actions',
    {
      config: { cached: true, scope: 'actions:read' },
      schema: {
        operationId: 'listActions',
        summary: 'List actions, newest first',
        tags,
        querystring: ListActionsQuery,
        response: { 200: ActionList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => {
      const { resource_id, status, ...page } = request.query as { resource_id?: string; status?: ActionStatus; limit?: number; cursor?: string };
      return actions.list(caller(request).accountId, { resource_id, status }, page, cursors);
    },
  );

  app.get(
    '/v2/actions/:id',
    {
      config: { scope: 'actions:read' },
      schema: {
        operationId: 'getAction',
        summary: 'Get an action',
        tags,
        params: IdParams,
        response: { 200: ActionSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => actions.get(caller(request).accountId, (request.params as { id: string }).id),
  );
}
