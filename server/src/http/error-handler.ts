// The one place errors become responses: every failure, Fastify's own included, gets the envelope.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, envelope } from '../errors/api-error.js';
import { apiError, invalidRequest } from '../errors/catalog.js';
import type { Reason } from '../errors/reasons.js';
import { ErrorStatus, newRequestId } from './errors.js';
import type { RouteIndex } from './method-not-allowed.js';
import { validationDetails } from './validation-details.js';

/** Fastify's own errors that are the client's fault, by code. */
const FASTIFY_CLIENT_ERRORS: Record<string, { reason: Reason; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { reason: 'payload_too_large', message: 'Request body is larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { reason: 'unsupported_media_type', message: 'Request body must be application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { reason: 'invalid_request', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { reason: 'invalid_request', message: 'Request body is empty; send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { reason: 'invalid_request', message: 'Request body is not valid JSON' },
};

function toApiError(error: FastifyError): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    return invalidRequest('Invalid request', validationDetails(error.validation, error.validationContext ?? 'request'));
  }
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) return apiError(known.reason, known.message);
  // Other client errors Fastify raises while reading the request carry a message safe to show.
  if (error.code?.startsWith('FST_') && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return invalidRequest(error.message);
  }
  return null;
}

/** 405 with `Allow` for a known path, else 404: the answer for a request no route matched. */
function answerUnrouted(routes: RouteIndex, request: FastifyRequest, reply: FastifyReply) {
  const allowed = routes.allowedMethods(request.url);
  if (allowed.length > 0) {
    reply.header('Allow', allowed.join(', '));
    return reply
      .status(ErrorStatus.methodNotAllowed)
      .send(envelope('method_not_allowed', `Method ${request.method} is not allowed here; use ${allowed.join(', ')}`, [], request.id));
  }
  return reply.status(ErrorStatus.notFound).send(envelope('route_not_found', `No route ${request.method} ${request.url.split('?', 1)[0]?.slice(0, 200)}`, [], request.id));
}

/**
 * Fastify's router answers some malformed URLs itself, before any hook or error handler, in its
 * own shape; this makes them the envelope. A path parameter over the router's length limit
 * (longer than any id) is a bad parameter like any other, so 400 rather than Fastify's 414.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The URL is malformed';
  return reply
    .status(ErrorStatus.badRequest)
    .header('X-Request-Id', request.id)
    .send(envelope('invalid_request', message, [{ field: 'path', message }], request.id));
}

/**
 * Node's HTTP parser turns some requests away before Fastify sees them: a request line and headers
 * over 16 KiB (a long query string is enough), or a client too slow to send them. These get the
 * envelope too: 400 like any other malformed request (as nginx answers oversized headers), 408 for
 * the slow client. There is no reply object yet, so the response is written to the socket.
 */
export function clientErrors(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : ErrorStatus.badRequest;
  const message =
    status === 408
      ? 'The request was not received in time'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'The request line and headers are over 16 KiB'
        : 'The request is malformed';
  const requestId = newRequestId();
  const body = JSON.stringify(envelope(status === 408 ? 'request_timeout' : 'invalid_request', message, [], requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance, routes: RouteIndex): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // A request no route matched can still fail while its body is read (an unknown method such as
    // QUERY without a Content-Type, say): the path and method are what is wrong with it.
    if (request.is404) return answerUnrouted(routes, request, reply);
    const answer = toApiError(error);
    if (answer === null) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send(envelope('internal', 'Internal server error', [], request.id));
    }
    return reply.status(answer.status).send(envelope(answer.reason, answer.message, answer.details, request.id));
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => answerUnrouted(routes, request, reply));
}
