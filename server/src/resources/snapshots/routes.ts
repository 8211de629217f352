// /v2/snapshots: list, get and delete snapshots (they are taken through /v2/volumes/:id/snapshots).
import type { FastifyInstance } from 'fastify';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { ListSnapshotsQuery, SnapshotDeleteAccepted, SnapshotList, SnapshotSchema } from './schema.js';
import type { SnapshotsService } from './service.js';

const tags = ['Snapshots'];

export function registerSnapshotRoutes(app: FastifyInstance, snapshots: SnapshotsService, cursors: Cursors): void {
  app.get(
    '/v2/snapshots',
    {
      config: { cached: true, scope: 'snapshots:read' },
      schema: { operationId: 'listSnapshots', summary: 'List snapshots, newest first', tags, querystring: ListSnapshotsQuery, response: { 200: SnapshotList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => snapshots.list(caller(request), request.query as { volume_id?: string; region?: string; limit?: number; cursor?: string }, cursors),
  );

  app.get(
    '/v2/snapshots/:id',
    {
      config: { scope: 'snapshots:read' },
      schema: { operationId: 'getSnapshot', summary: 'Get a snapshot', tags, params: IdParams, response: { 200: SnapshotSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request) => snapshots.get(caller(request), (request.params as { id: string }).id),
  );

  app.delete(
    '/v2/snapshots/:id',
    {
      config: { scope: 'snapshots:write' },
      schema: {
        operationId: 'deleteSnapshot',
        summary: 'Delete a snapshot',
        tags,
        params: IdParams,
        response: { 202: SnapshotDeleteAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = await snapshots.delete(caller(request), (request.params as { id: string }).id);
      return reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);
    },
  );
}
