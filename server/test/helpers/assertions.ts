// Shared checks on the error envelope, so every suite holds errors to the same contract.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';

export interface EnvelopeBody {
  error: { code: number; message: string; details: { field: string; message: string }[]; request_id: string };
}

/** Asserts the status, the envelope's shape, and that its request id matches the header. */
export function assertError(response: LightMyRequestResponse, status: number): EnvelopeBody {
  assert.equal(response.statusCode, status, `expected ${status}, got ${response.statusCode}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json() as EnvelopeBody;
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'details', 'message', 'request_id']);
  assert.equal(body.error.code, status);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.ok(Array.isArray(body.error.details));
  assert.equal(body.error.request_id, response.headers['x-request-id']);
  assert.doesNotMatch(response.body, /\bat .+\.(ts|js):\d+/, 'no stack trace in an error body');
  return body;
}

export function fields(body: EnvelopeBody): string[] {
  return body.error.details.map((d) => d.field).sort();
}
