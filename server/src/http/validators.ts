// Request validation. Query strings and path params arrive as text, so they are coerced to the
// schema's types; JSON bodies are taken as sent, so `{"name": 5}` is a 400 rather than "5".
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function compiler(options: Options): Ajv {
  // allErrors: report every offending field; removeAdditional false: unknown fields are errors.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function registerValidators(app: FastifyInstance): void {
  const body = compiler({ coerceTypes: false });
  const text = compiler({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
