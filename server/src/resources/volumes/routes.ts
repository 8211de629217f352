// /v2/volumes and /v2/volumes/:id/snapshots: HTTP only; the services hold the rules.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreateSnapshotBody, SnapshotSchema } from '../snapshots/schema.js';
import type { SnapshotsService } from '../snapshots/service.js';
import { AttachVolumeBody, CreateVolumeBody, ListVolumesQuery, ResizeVolumeBody, VolumeActionAccepted, VolumeList, VolumeSchema } from './schema.js';
import type { VolumeAccepted, VolumeQuery, VolumesService } from './service.js';

const tags = ['Volumes'];
const idOf = (params: unknown) => (params as { id: string }).id;

function accepted(reply: FastifyReply, body: VolumeAccepted) {
  return reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);
}

export function registerVolumeRoutes(app: FastifyInstance, volumes: VolumesService, snapshots: SnapshotsService, cursors: Cursors): void {
  app.get(
    '/v2/volumes',
    {
      config: { cached: true, scope: 'volumes:read', regionsOf: (request) => [(request.query as VolumeQuery).region].filter((r): r is string => r !== undefined) },
      schema: {
        operationId: 'listVolumes',
        summary: 'List block storage volumes, newest first',
        tags,
        querystring: ListVolumesQuery,
        response: { 200: VolumeList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => volumes.list(caller(request), request.query as VolumeQuery, cursors),
  );

  app.post(
    '/v2/volumes',
    {
      config: { scope: 'volumes:write', rateClass: 'create' },
      schema: {
        operationId: 'createVolume',
        summary: 'Create a volume, empty or restored from a snapshot',
        description: 'Answers at once with the volume in `creating`; it becomes `available` when its create action completes.',
        tags,
        body: CreateVolumeBody,
        response: { 201: VolumeSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const volume = await volumes.create(caller(request), request.body as Static<typeof CreateVolumeBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/volumes/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/volumes/${volume.id}`).send(volume);
    },
  );

  app.get(
    '/v2/volumes/:id',
    {
      config: { scope: 'volumes:read' },
      schema: { operationId: 'getVolume', summary: 'Get a volume', tags, params: IdParams, response: { 200: VolumeSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request) => volumes.get(caller(request), idOf(request.params)),
  );

  app.delete(
    '/v2/volumes/:id',
    {
      config: { scope: 'volumes:write' },
      schema: {
        operationId: 'deleteVolume',
        summary: 'Delete a detached volume',
        tags,
        params: IdParams,
        response: { 202: VolumeActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => accepted(reply, await volumes.operate(caller(request), idOf(request.params), 'delete')),
  );

  app.put(
    '/v2/volumes/:id/attach',
    {
      config: { scope: 'volumes:write' },
      schema: {
        operationId: 'attachVolume',
        summary: 'Attach the volume to an instance in the same region',
        tags,
        params: IdParams,
        body: AttachVolumeBody,
        response: { 202: VolumeActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => accepted(reply, await volumes.operate(caller(request), idOf(request.params), 'attach', request.body as { instance_id: string })),
  );

  app.put(
    '/v2/volumes/:id/detach',
    {
      config: { scope: 'volumes:write' },
      schema: {
        operationId: 'detachVolume',
        summary: 'Detach the volume from its instance',
        tags,
        params: IdParams,
        response: { 202: VolumeActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => accepted(reply, await volumes.operate(caller(request), idOf(request.params), 'detach')),
  );

  app.put(
    '/v2/volumes/:id/resize',
    {
      config: { scope: 'volumes:write' },
      schema: {
        operationId: 'resizeVolume',
        summary: 'Grow the volume (shrinking is refused)',
        tags,
        params: IdParams,
        body: ResizeVolumeBody,
        response: { 202: VolumeActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => accepted(reply, await volumes.operate(caller(request), idOf(request.params), 'resize', request.body as { size_gb: number })),
  );

  app.post(
    '/v2/volumes/:id/snapshots',
    {
      config: { scope: 'snapshots:write' },
      schema: {
        operationId: 'createSnapshot',
        summary: 'Take a snapshot of the volume',
        tags: ['Snapshots'],
        params: IdParams,
        body: CreateSnapshotBody,
        response: { 201: SnapshotSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const snapshot = await snapshots.create(caller(request), idOf(request.params), (request.body as { name: string }).name, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/snapshots/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/snapshots/${snapshot.id}`).send(snapshot);
    },
  );
}
