// Builds the OpenAPI 3.1 document from the routes as registered: their schemas are the contract.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { componentName, errorDescription } from './schemas.js';
import { RATE_CLASSES, defaultRateClass } from './rate-limit.js';
import './route-config.js';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  url: string;
  options: RouteOptions;
}

const RATE_HEADERS = {
  'X-RateLimit-Limit': { description: 'Requests allowed in the current window', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'Unix epoch seconds at which the window resets', schema: { type: 'integer' } },
};
const REQUEST_ID_HEADER = { 'X-Request-Id': { description: 'Identifies this request in logs and errors', schema: { type: 'string' } } };

export class OpenApiCollector {
  private readonly operations: Operation[] = [];

  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method !== 'HEAD' && route.url.startsWith('/v2/') && !route.schema?.hide) {
          this.operations.push({ method: method.toLowerCase(), url: route.url, options: route });
        }
      }
    });
  }

  document(): Json {
    const components = new Map<string, Json>();
    const paths: Record<string, Json> = {};
    for (const op of this.operations) {
      const path = op.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      paths[path] = { ...(paths[path] ?? {}), [op.method]: operation(op, components) };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'CloudNexus API',
        version: '2.0.0',
        description: [
          'Programmatic control of CloudNexus infrastructure. All requests use HTTPS.',
          '',
          'Rate limits are per account and per minute (free 60, pro 600, enterprise 2000 or custom). Endpoint classes:',
          ...Object.entries(RATE_CLASSES).map(([name, c]) => `- \`${name}\`: ${c.description}`),
        ].join('\n'),
      },
      servers: [{ url: 'https://api.cloudnexus.com' }],
      security: [{ bearerAuth: [] }],
      paths,
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key: cnx_live_…' } },
        schemas: Object.fromEntries([...components.entries()].sort(([a], [b]) => a.localeCompare(b))),
      },
    };
  }
}

function operation(op: Operation, components: Map<string, Json>): Json {
  const schema = (op.options.schema ?? {}) as Json;
  const config = op.options.config ?? {};
  const authenticated = config.scope !== undefined;
  const parameters = [
    ...parametersOf(schema.params, 'path', components),
    ...parametersOf(schema.querystring, 'query', components),
  ];
  const responses: Record<string, Json> = {};
  for (const [status, body] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
    const code = Number(status);
    const headers: Json = { ...REQUEST_ID_HEADER, ...(authenticated && code !== 401 ? RATE_HEADERS : {}) };
    if (code === 429) headers['Retry-After'] = { description: 'Seconds to wait before retrying', schema: { type: 'integer' } };
    if (code === 201 || code === 202) headers.Location = { description: 'URL of the created resource or action', schema: { type: 'string' } };
    responses[status] = {
      description: code < 400 ? ((body as Json).description as string | undefined) ?? 'Success' : errorDescription(code),
      headers,
      // A 204 has no body, so it documents no content.
      ...(code === 204 ? {} : { content: { 'application/json': { schema: toJsonSchema(body, components) } } }),
    };
  }
  const rateClass = config.rateClass ?? defaultRateClass(op.method.toUpperCase());
  return {
    operationId: schema.operationId,
    summary: schema.summary,
    description: [schema.description, authenticated ? `Scope: \`${config.scope}\`. Rate limit class: \`${rateClass}\`.` : 'No API key needed.']
      .filter(Boolean)
      .join('\n\n'),
    tags: schema.tags,
    ...(authenticated ? {} : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(schema.body, components) } } } } : {}),
    ...(schema.rawBody ? { requestBody: rawRequestBody(schema.rawBody as { mediaType: string; description: string }) } : {}),
    responses,
  };
}

/** An upload's body: bytes of one media type, no JSON schema. */
function rawRequestBody(body: { mediaType: string; description: string }): Json {
  return { required: true, description: body.description, content: { [body.mediaType]: { schema: { type: 'string', format: 'binary' } } } };
}

function parametersOf(schema: unknown, where: 'path' | 'query', components: Map<string, Json>): Json[] {
  if (!schema) return [];
  const { properties = {}, required = [] } = schema as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => {
    const json = toJsonSchema(property, components);
    return {
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
      schema: json,
    };
  });
}

/** Plain JSON Schema with named schemas replaced by `$ref`s to components (collected on the way). */
function toJsonSchema(schema: unknown, components: Map<string, Json>): Json {
  const name = componentName(schema);
  if (name === undefined) return convertNode(schema, components) as Json;
  if (!components.has(name)) {
    components.set(name, {}); // reserve the name first, so a schema that refers to itself terminates
    components.set(name, convertNode(schema, components) as Json);
  }
  return { $ref: `#/components/schemas/${name}` };
}

/** Converts one node; named schemas below it become references. */
function convertNode(value: unknown, components: Map<string, Json>): unknown {
  if (Array.isArray(value)) return value.map((v) => convertChild(v, components));
  if (typeof value !== 'object' || value === null) return value;
  // Object.entries skips TypeBox's symbol-keyed metadata; `~kind` is TypeBox's too.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith('~'))
      .map(([k, v]) => [k, convertChild(v, components)]),
  );
}

function convertChild(value: unknown, components: Map<string, Json>): unknown {
  return componentName(value) !== undefined ? toJsonSchema(value, components) : convertNode(value, components);
}
