// /v2/actions: every async operation and its outcome.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { ActionList, ActionSchema, ListActionsQuery } from './schema.js';
import type { ActionsService } from './service.js';

const tags = ['Actions'];

export function registerActionRoutes(app: FastifyInstance, actions: ActionsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/actions', scope: 'actions:read', cached: true, operationId: 'listActions', summary: 'List actions, newest first', tags, query: ListActionsQuery, response: { 200: ActionList } },
      async (request) => {
        const { resource_id, status, ...page } = request.query;
        return actions.list(caller(request).accountId, { resource_id, status }, page, cursors);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/actions/:id', scope: 'actions:read', operationId: 'getAction', summary: 'Get an action', tags, params: IdParams, response: { 200: ActionSchema }, errors: [404] },
      async (request) => actions.get(caller(request).accountId, request.params.id),
    ),
  ]);
}
