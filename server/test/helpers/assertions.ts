// Shared checks on the error envelope, so every suite holds errors to the same contract.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { ErrorEnvelope } from '../../src/errors/api-error.js';
import { REASON_NAMES, REASONS, type Reason } from '../../src/errors/reasons.js';

export type EnvelopeBody = ErrorEnvelope;

/** The response is the error envelope with `status`, a documented reason (this one, when given), and no stack trace. */
export function assertError(response: LightMyRequestResponse, status: number, reason?: Reason): EnvelopeBody {
  assert.equal(response.statusCode, status, `expected ${status}, got ${response.statusCode}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json() as EnvelopeBody;
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'details', 'message', 'reason', 'request_id']);
  assert.equal(body.error.code, status);
  assert.ok(REASON_NAMES.includes(body.error.reason), `${body.error.reason} is a documented reason`);
  assert.equal(REASONS[body.error.reason].status, status, `${body.error.reason} goes with ${status}`);
  if (reason !== undefined) assert.equal(body.error.reason, reason);
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
