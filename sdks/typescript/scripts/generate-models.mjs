// Writes src/models.ts from the API's own OpenAPI document, so the SDK's types cannot drift from it.
//   node scripts/generate-models.mjs          regenerate src/models.ts
// test/models.test.ts renders the same text and fails when the committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const specPath = path.resolve(here, '../../../spec/openapi.json');
export const modelsPath = path.resolve(here, '../src/models.ts');

// The schemas of the resources this SDK covers. Only these are generated, so the spec can grow
// (new resources) without touching the SDK, while any change to a covered shape fails the drift test.
const covered = [
  'Account', 'Action', 'ActionList', 'ApiKey', 'ApiKeyList', 'CreateApiKey', 'CreatedApiKey', 'RotateApiKey',
  'CreateDatabase', 'CreateDatabaseUser', 'CreateInstance', 'CreateSshKey', 'Database', 'DatabaseActionAccepted',
  'DatabaseBackup', 'DatabaseBackupList', 'DatabaseEngine', 'DatabaseEngineList', 'DatabaseList', 'DatabaseMetrics',
  'DatabasePasswordReset', 'DatabasePlan', 'DatabaseUser', 'DatabaseUserCreated', 'DatabaseUserList', 'Error', 'ErrorDetail', 'Image', 'ImageList', 'Instance',
  'InstanceActionAccepted', 'InstanceConsole', 'InstanceList', 'InstanceMetrics', 'Pagination', 'Plan', 'PlanList',
  'Region', 'RegionList', 'ResizeDatabase', 'ResizeInstance', 'SshKey', 'SshKeyList', 'UpdateDatabase',
  'Event', 'EventList', 'Webhook', 'WebhookList', 'CreateWebhook', 'CreatedWebhook', 'UpdateWebhook',
  'WebhookDelivery', 'WebhookDeliveryList', 'WebhookTestAccepted',
];

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
  const blocks = covered.map((name) => {
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`spec/openapi.json no longer has the ${name} schema`);
    const doc = schema.description ? `/** ${schema.description} */\n` : '';
    return `${doc}export type ${typeName(name)} = ${render(schema, '')};`;
  });
  const header = '// Generated from spec/openapi.json by scripts/generate-models.mjs; do not edit by hand.\n';
  return `${header}\n${blocks.join('\n\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  fs.writeFileSync(modelsPath, renderModels(spec));
}
