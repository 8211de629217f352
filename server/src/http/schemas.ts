// Shared wire schemas and the registry that turns named schemas into OpenAPI components.
import Type, { type TSchema } from 'typebox';
import { REASON_NAMES, REASONS } from '../errors/reasons.js';
import { ErrorStatus } from './errors.js';

const componentNames = new WeakMap<object, string>();

/** Marks a schema as a named OpenAPI component; every use of this object becomes a `$ref`. */
export function named<T extends TSchema>(name: string, schema: T): T {
  componentNames.set(schema, name);
  return schema;
}

export function componentName(schema: unknown): string | undefined {
  return typeof schema === 'object' && schema !== null ? componentNames.get(schema) : undefined;
}

export const ErrorDetailSchema = named(
  'ErrorDetail',
  Type.Object({
    field: Type.String({ description: 'Property path of the offending input, e.g. `region` or `ssh_keys[0]`' }),
    message: Type.String(),
  }),
);

export const ErrorSchema = named(
  'Error',
  Type.Object({
    error: Type.Object({
      code: Type.Integer({ description: 'The HTTP status code' }),
      reason: Type.Union(
        REASON_NAMES.map((reason) => Type.Literal(reason)),
        { description: `A stable name for the error, to branch on (the message may be reworded):\n${REASON_NAMES.map((r) => `- \`${r}\` (${REASONS[r].status}): ${REASONS[r].description}`).join('\n')}` },
      ),
      message: Type.String(),
      details: Type.Array(ErrorDetailSchema),
      request_id: Type.String({ description: 'Same as the X-Request-Id response header' }),
    }),
  }),
);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: invalid JSON, missing required fields, malformed query parameters',
  401: 'Unauthorized: missing, invalid, revoked or expired API key',
  403: 'Forbidden: the key lacks the scope, or the region is not in its allowlist',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict: duplicate name, or the resource is already in the requested state or busy',
  413: 'Payload Too Large: the body is over 1 MiB',
  415: 'Unsupported Media Type: the body is not application/json',
  422: 'Unprocessable: semantic validation failed',
  429: 'Too Many Requests: rate limit exceeded; see Retry-After',
  500: 'Internal Error',
};

export function errorDescription(status: number): string {
  return ERROR_DESCRIPTIONS[status] ?? 'Error';
}

/** Errors any authenticated operation can answer with. */
export const AUTHENTICATED_ERRORS = [
  ErrorStatus.badRequest,
  ErrorStatus.unauthorized,
  ErrorStatus.forbidden,
  ErrorStatus.tooManyRequests,
  ErrorStatus.internal,
] as const;

/** Response schemas for error statuses, to spread into a route's `response`. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));
}

export const PaginationSchema = named(
  'Pagination',
  Type.Object({
    next_cursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` to get the next page; null on the last page',
    }),
    has_more: Type.Boolean(),
  }),
);

/** A list response: `{"data":[…],"pagination":{…}}`. */
export function pageOf<T extends TSchema>(name: string, item: T) {
  return named(name, Type.Object({ data: Type.Array(item), pagination: PaginationSchema }));
}

/** The 204 of a synchronous delete. */
export const DeletedNoBody = Type.Null({ description: 'Deleted; no body' });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
