// Turns Ajv's schema errors into one `{field, message}` per offending property.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { ErrorDetail } from '../errors/api-error.js';

/** `/ssh_keys/0/name` → `ssh_keys[0].name`. */
function toFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

function describe(error: FastifySchemaValidationError, context: string): ErrorDetail {
  const path = toFieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  // A map key that breaks `propertyNames`: name the key itself, as a property path would.
  const propertyName = (error as { propertyName?: string }).propertyName ?? (error.keyword === 'propertyNames' ? String(params.propertyName) : undefined);
  if (propertyName !== undefined) return { field: join(path, propertyName), message: `Invalid key: ${error.message ?? 'not allowed'}` };
  switch (error.keyword) {
    case 'required':
      return { field: join(path, String(params.missingProperty)), message: 'Required' };
    case 'additionalProperties':
      return { field: join(path, String(params.additionalProperty)), message: 'Unknown field' };
    case 'enum':
      return { field: path || context, message: `Must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { field: path || context, message: capitalize(error.message ?? 'Invalid value') };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function validationDetails(errors: FastifySchemaValidationError[], context: string): ErrorDetail[] {
  const byField = new Map<string, ErrorDetail>();
  for (const error of errors) {
    const detail = describe(error, context);
    if (!byField.has(detail.field)) byField.set(detail.field, detail);
  }
  return [...byField.values()];
}
