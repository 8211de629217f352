// /v2/images: the OS catalog and the account's custom images. HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { ImageDeleteAccepted, ImageList, ImageSchema, ListImagesQuery } from './schema.js';
import type { ImagesService } from './service.js';

const tags = ['Images'];

export function registerImageRoutes(app: FastifyInstance, images: ImagesService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/images',
        scope: 'images:read',
        operationId: 'listImages',
        summary: 'List OS images and your custom images, by id',
        description: 'OS images are the same in every region; custom images are those of your instances\' snapshots, each usable in its own region.',
        tags,
        query: ListImagesQuery,
        response: { 200: ImageList },
      },
      async (request) => images.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/images/:id', scope: 'images:read', operationId: 'getImage', summary: 'Get an OS image by slug or a custom image by id', tags, params: IdParams, response: { 200: ImageSchema }, errors: [404] },
      async (request) => images.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/images/:id',
        scope: 'images:write',
        operationId: 'deleteImage',
        summary: 'Delete a custom image',
        description: 'It shows `deleting`, then is gone. OS images cannot be deleted (409 `public_image`); nor can an image an instance is being created or rebuilt from (409 `has_dependents`).',
        tags,
        params: IdParams,
        response: { 202: ImageDeleteAccepted },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await images.delete(caller(request), request.params.id)),
    ),
  ]);
}
