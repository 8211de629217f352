// Writes src/models.ts (every schema) and src/generated/operations.ts (every operation's method and
// path) from the API's own OpenAPI document, so the SDK's types and routes cannot drift from it.
//   node scripts/generate-models.mjs          regenerate both files
// test/models.test.ts renders the same text and fails when a committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const specPath = path.resolve(here, '../../../spec/openapi.json');
export const modelsPath = path.resolve(here, '../src/models.ts');
export const operationsPath = path.resolve(here, '../src/generated/operations.ts');

// The SDK's base URL already ends in /v2 (the spec's paths all start with it).
const BASE_PATH = '/v2';

// Wire names that read badly as TypeScript type names.
const renames = { Error: 'ErrorEnvelope' };
const typeName = (schemaName) => renames[schemaName] ?? schemaName;

function render(schema, indent) {
  if (schema.$ref) return typeName(schema.$ref.split('/').pop());
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((s) => render(s, indent)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.type)) {
    return schema.type.map((type) => render({ ...schema, type }, indent)).join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = render(schema.items, indent);
      return /[ |]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object':
      return renderObject(schema, indent);
    case undefined:
      // A schema with no type accepts any value (e.g. the values of an event's `data`).
      return 'unknown';
    default:
      throw new Error(`unsupported schema: ${JSON.stringify(schema)}`);
  }
}

function renderObject(schema, indent) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    const valueSchemas = [...Object.values(schema.patternProperties ?? {}), schema.additionalProperties].filter((v) => typeof v === 'object');
    const value = valueSchemas.length > 0 ? [...new Set(valueSchemas.map((v) => render(v, indent)))].join(' | ') : 'unknown';
    return `Record<string, ${value}>`;
  }
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(([name, property]) => {
    const doc = property.description ? `${inner}/** ${property.description} */\n` : '';
    return `${doc}${inner}${name}${required.has(name) ? '' : '?'}: ${render(property, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

export function renderModels(spec) {
  const blocks = Object.entries(spec.components.schemas).map(([name, schema]) => {
    const doc = schema.description ? `/** ${schema.description} */\n` : '';
    return `${doc}export type ${typeName(name)} = ${render(schema, '')};`;
  });
  return `${HEADER}\n${blocks.join('\n\n')}\n`;
}

const HEADER = '// Generated from spec/openapi.json by scripts/generate-models.mjs; do not edit by hand.\n';

/** `operationId → { method, path }`: every SDK method names its operationId and finds its route here. */
export function renderOperations(spec) {
  const rows = [];
  const responses = [];
  for (const [route, methods] of Object.entries(spec.paths)) {
    if (!route.startsWith(`${BASE_PATH}/`)) throw new Error(`${route} is outside ${BASE_PATH}`);
    for (const [method, operation] of Object.entries(methods)) {
      const id = operation.operationId;
      if (!id) throw new Error(`${method.toUpperCase()} ${route} has no operationId`);
      rows.push(`  ${id}: { method: '${method.toUpperCase()}', path: '${route.slice(BASE_PATH.length)}' },`);
      responses.push(`  ${id}: ${successType(operation)};`);
    }
  }
  return `${HEADER}
import type * as models from '../models.js';

/** Each operation of spec/openapi.json: its HTTP method and its path template (relative to the base URL). */
export const operations = {
${rows.join('\n')}
} as const;

/** The operationId of an operation in spec/openapi.json. */
export type OperationId = keyof typeof operations;

/** What each operation answers with when it succeeds (\`void\` for an empty 204). */
export interface OperationResponses {
${responses.join('\n')}
}
`;
}

/** The success body's type; an operation answering two ways (invoke: 200, or 202 when async) gets their union. */
function successType(operation) {
  const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
  if (successes.length === 0) throw new Error(`${operation.operationId} must have a success response`);
  const types = successes.map(([, response]) => {
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return 'void';
    if (!schema.$ref) throw new Error(`${operation.operationId}: a success body must be a named schema`);
    return `models.${render(schema, '')}`;
  });
  return types.join(' | ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  fs.writeFileSync(modelsPath, renderModels(spec));
  fs.mkdirSync(path.dirname(operationsPath), { recursive: true });
  fs.writeFileSync(operationsPath, renderOperations(spec));
}
