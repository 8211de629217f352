// /v2/snapshots, and taking one through /v2/volumes/:id/snapshots: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { CreateSnapshotBody, ListSnapshotsQuery, SnapshotDeleteAccepted, SnapshotList, SnapshotSchema, PatchSnapshotBody } from './schema.js';
import type { SnapshotsService } from './service.js';

const tags = ['Snapshots'];

export function registerSnapshotRoutes(app: FastifyInstance, snapshots: SnapshotsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'POST',
        url: '/v2/volumes/:id/snapshots',
        scope: 'snapshots:write',
        operationId: 'createSnapshot',
        summary: 'Take a snapshot of the volume',
        tags,
        params: IdParams,
        body: CreateSnapshotBody,
        response: { 201: SnapshotSchema },
        errors: [404, 409, 422],
      },
      async (request, reply) => {
        const snapshot = await snapshots.create(caller(request), request.params.id, request.body.name, recordCreated(request, (s) => `/v2/snapshots/${s.id}`));
        return created(reply, `/v2/snapshots/${snapshot.id}`, snapshot);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/snapshots', scope: 'snapshots:read', cached: true, operationId: 'listSnapshots', summary: 'List snapshots, newest first', tags, query: ListSnapshotsQuery, response: { 200: SnapshotList } },
      async (request) => snapshots.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/snapshots/:id', scope: 'snapshots:read', operationId: 'getSnapshot', summary: 'Get a snapshot', tags, params: IdParams, response: { 200: SnapshotSchema }, errors: [404] },
      async (request) => snapshots.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/snapshots/:id', scope: 'snapshots:write', operationId: 'patchSnapshot', summary: 'Rename a snapshot', tags, params: IdParams, body: PatchSnapshotBody, response: { 200: SnapshotSchema }, errors: [404] },
      async (request) => snapshots.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/snapshots/:id', scope: 'snapshots:write', operationId: 'deleteSnapshot', summary: 'Delete a snapshot', tags, params: IdParams, response: { 202: SnapshotDeleteAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await snapshots.delete(caller(request), request.params.id)),
    ),
  ]);
}
