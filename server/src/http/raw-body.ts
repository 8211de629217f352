// Routes that take an upload (not JSON) get the request stream itself, wrapped so the generic
// layers leave it alone: the idempotency fingerprint sees an empty object (the key then covers
// the URL only), and nothing buffers or parses it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors/catalog.js';
import type { Readable } from 'node:stream';

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

/** The upload's stream; a request that sent no body is a 415 (nothing to read, in no media type). */
export function rawBodyOf(request: FastifyRequest, mediaType: string): Readable {
  if (request.body instanceof RawBody) return request.body.stream;
  throw apiError('unsupported_media_type', `Send the body as ${mediaType}`);
}
