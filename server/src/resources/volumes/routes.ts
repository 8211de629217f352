// /v2/volumes: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { AttachVolumeBody, CreateVolumeBody, ListVolumesQuery, ResizeVolumeBody, UpdateVolumeBody, VolumeActionAccepted, VolumeList, VolumeSchema } from './schema.js';
import type { VolumesService } from './service.js';

const tags = ['Volumes'];

export function registerVolumeRoutes(app: FastifyInstance, volumes: VolumesService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/volumes',
        scope: 'volumes:read',
        cached: true,
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listVolumes',
        summary: 'List block storage volumes, newest first',
        tags,
        query: ListVolumesQuery,
        response: { 200: VolumeList },
      },
      async (request) => volumes.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/volumes',
        scope: 'volumes:write',
        rateClass: 'create',
        operationId: 'createVolume',
        summary: 'Create a volume, empty or restored from a snapshot',
        description: 'Answers at once with the volume in `creating`; it becomes `available` when its create action completes.',
        tags,
        body: CreateVolumeBody,
        response: { 201: VolumeSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const volume = await volumes.create(caller(request), request.body, recordCreated(request, (v) => `/v2/volumes/${v.id}`));
        return created(reply, `/v2/volumes/${volume.id}`, volume);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/volumes/:id', scope: 'volumes:read', operationId: 'getVolume', summary: 'Get a volume', tags, params: IdParams, response: { 200: VolumeSchema }, errors: [404] },
      async (request) => volumes.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/volumes/:id', scope: 'volumes:write', operationId: 'patchVolume', summary: 'Rename a volume or change its labels', tags, params: IdParams, body: UpdateVolumeBody, response: { 200: VolumeSchema }, errors: [404, 409] },
      async (request) => volumes.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/volumes/:id', scope: 'volumes:write', operationId: 'deleteVolume', summary: 'Delete a detached volume', tags, params: IdParams, response: { 202: VolumeActionAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await volumes.operate(caller(request), request.params.id, 'delete')),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/volumes/:id/attach',
        scope: 'volumes:write',
        operationId: 'attachVolume',
        summary: 'Attach the volume to an instance in the same region',
        tags,
        params: IdParams,
        body: AttachVolumeBody,
        response: { 202: VolumeActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await volumes.operate(caller(request), request.params.id, 'attach', request.body)),
    ),
    defineRoute(
      { method: 'PUT', url: '/v2/volumes/:id/detach', scope: 'volumes:write', operationId: 'detachVolume', summary: 'Detach the volume from its instance', tags, params: IdParams, response: { 202: VolumeActionAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await volumes.operate(caller(request), request.params.id, 'detach')),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/volumes/:id/resize',
        scope: 'volumes:write',
        operationId: 'resizeVolume',
        summary: 'Grow the volume (shrinking is refused)',
        tags,
        params: IdParams,
        body: ResizeVolumeBody,
        response: { 202: VolumeActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await volumes.operate(caller(request), request.params.id, 'resize', request.body)),
    ),
  ]);
}
