// /v2/container_images: HTTP only; the service holds the rules. The upload takes the archive as
// the raw body (application/x-tar), streamed, in a scope that accepts nothing else.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { rawBodyOf, registerRawBodyRoutes } from '../../http/raw-body.js';
import { created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { ContainerImageList, ContainerImageSchema, ListContainerImagesQuery, UploadContainerImageQuery } from './schema.js';
import type { ContainerImagesService } from './service.js';

const tags = ['Container images'];
const TAR = 'application/x-tar';

export function registerContainerImageRoutes(app: FastifyInstance, images: ContainerImagesService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/container_images',
        scope: 'container_images:read',
        cached: true,
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listContainerImages',
        summary: 'List container images, newest first',
        tags,
        query: ListContainerImagesQuery,
        response: { 200: ContainerImageList },
      },
      async (request) => images.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/container_images/:id', scope: 'container_images:read', operationId: 'getContainerImage', summary: 'Get a container image', tags, params: IdParams, response: { 200: ContainerImageSchema }, errors: [404] },
      async (request) => images.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/container_images/:id',
        scope: 'container_images:write',
        operationId: 'deleteContainerImage',
        summary: 'Delete a container image and its files',
        description: 'An image a container runs is a 409 `has_dependents`.',
        tags,
        params: IdParams,
        response: { 204: DeletedNoBody },
        errors: [404, 409],
      },
      async (request, reply) => {
        await images.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
  ]);
  registerRawBodyRoutes(app, TAR, (scope) =>
    registerRoutes(scope, [
      defineRoute(
        {
          method: 'POST',
          url: '/v2/container_images',
          scope: 'container_images:write',
          rateClass: 'create',
          regionsOf: (request) => [request.query.region],
          operationId: 'uploadContainerImage',
          summary: 'Upload a container image (an OCI image layout or a docker save archive)',
          description:
            'The body is the archive itself (`application/x-tar`, optionally gzip-compressed, at most 1 GiB: 413 `payload_too_large` past it). Every layer is checked against its sha256 digest (422 `digest_mismatch`) and applied in order with its whiteouts; an entry that would land outside the rootfs (`..`, an absolute path, a symlink climbing out, a write through a symlink) or a device node is a 422 `unsafe_layer_entry` naming the entry; anything else unreadable is a 422 `invalid_image_archive`. A refused upload leaves nothing behind.',
          tags,
          query: UploadContainerImageQuery,
          rawBody: { mediaType: TAR, description: 'The image archive: `docker save` output, or an OCI image layout as a tar' },
          response: { 201: ContainerImageSchema },
          errors: [409, 422],
        },
        async (request, reply) => {
          const image = await images.upload(caller(request), request.query, rawBodyOf(request, TAR), recordCreated(request, (i) => `/v2/container_images/${i.id}`));
          return created(reply, `/v2/container_images/${image.id}`, image);
        },
      ),
    ]),
  );
}
