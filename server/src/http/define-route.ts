// One way to declare a /v2 route: its contract (scope, schemas, route-specific errors) in one
// object, and a handler whose params, query and body are typed from those schemas.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteOptions,
} from 'fastify';
import type { TSchema } from 'typebox';
import type { Scope } from '../resources/api-keys/scopes.js';
import type { RateClass } from './rate-limit.js';
import type { CachedReads } from './route-config.js';
import './route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses } from './schemas.js';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// The response schemas are left out of the handler's type: services return their domain types
// (e.g. a string where the schema has a union of literals); Fastify still serializes by them.
interface Schemas<P, Q, B> {
  params: P;
  querystring: Q;
  body: B;
}

/** A request as a handler of that route sees it: validated, so typed from its schemas. */
export type TypedRequest<P, Q, B> = FastifyRequest<RouteGenericInterface, RawServerDefault, RawRequestDefaultExpression, Schemas<P, Q, B>, TypeBoxTypeProvider>;

type TypedHandler<P, Q, B> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  Schemas<P, Q, B>,
  TypeBoxTypeProvider
>;

export interface RouteSpec<P, Q, B, R> {
  method: HttpMethod;
  url: string;
  scope: Scope;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** A body that is not JSON (an upload): handed to the handler as a stream, documented as binary of this media type. */
  rawBody?: { mediaType: string; description: string };
  response: R;
  /** Statuses this route answers beyond what every authenticated route (and every body) can. */
  errors?: readonly number[];
  cached?: boolean | CachedReads;
  rateClass?: RateClass;
  /** A larger body than the server's default limit (a function's source). */
  bodyLimit?: number;
  regionsOf?: (request: TypedRequest<P, Q, B>) => readonly string[];
}

/** What a body adds to the errors: too large, or not JSON. */
const BODY_ERRORS = [413, 415] as const;

export function defineRoute<P extends TSchema | undefined = undefined, Q extends TSchema | undefined = undefined, B extends TSchema | undefined = undefined, R extends Record<number, TSchema> = Record<number, TSchema>>(
  spec: RouteSpec<P, Q, B, R>,
  handler: TypedHandler<P, Q, B>,
): RouteOptions {
  const errors = [...AUTHENTICATED_ERRORS, ...(spec.body || spec.rawBody ? BODY_ERRORS : []), ...(spec.errors ?? [])];
  const config: FastifyContextConfig = { scope: spec.scope };
  if (spec.cached !== undefined) config.cached = spec.cached;
  if (spec.rateClass !== undefined) config.rateClass = spec.rateClass;
  // The auth layer calls this after validation (preHandler), so the request has the typed shape.
  if (spec.regionsOf) config.regionsOf = spec.regionsOf as unknown as (request: FastifyRequest) => readonly string[];
  return {
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit !== undefined ? { bodyLimit: spec.bodyLimit } : {}),
    config,
    schema: {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.rawBody ? { rawBody: spec.rawBody } : {}),
      response: { ...spec.response, ...errorResponses(...errors) },
    },
    handler: handler as unknown as RouteOptions['handler'],
  };
}

export function registerRoutes(app: FastifyInstance, routes: readonly RouteOptions[]): void {
  for (const route of routes) app.route(route);
}
