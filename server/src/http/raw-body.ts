// Routes that take an upload (not JSON) get the request stream itself, wrapped so the generic
// layers leave it alone: the idempotency fingerprint sees an empty object (the key then covers
// the URL only), and nothing buffers or parses it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors/catalog.js';
import { Readable } from 'node:stream';

export class RawBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

/**
 * Registers `routes` in a scope of their own that accepts only `mediaType`, passed through as a
 * RawBody (any other content type is a 415).
 */
export function registerRawBodyRoutes(app: FastifyInstance, mediaType: string, routes: (scope: FastifyInstance) => void): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(mediaType, (_request, payload, done) => done(null, new RawBody(payload)));
    routes(scope);
  });
}

/**
 * The upload's stream. An empty body of the media type is an empty stream (Fastify parses no empty
 * body), for the service to refuse like any unreadable upload; no body type at all is a 415.
 */
export function rawBodyOf(request: FastifyRequest, mediaType: string): Readable {
  if (request.body instanceof RawBody) return request.body.stream;
  if (request.headers['content-type']?.split(';')[0]?.trim() === mediaType) return Readable.from([]);
  throw apiError('unsupported_media_type', `Send the body as ${mediaType}`);
}
