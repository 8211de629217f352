import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  CloudNexus,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/index.js';
import { errorBody, startFakeServer, type FakeServer } from './helpers/fake-server.js';

const classes: [number, typeof APIError][] = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [413, APIError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [505, InternalServerError],
];

describe('error mapping', () => {
  let server: FakeServer;
  before(async () => {
    // The status to answer with is the last path segment: /v2/regions/<status>.
    server = await startFakeServer((request) => {
      const status = Number(request.url.split('/').pop());
      const details = [{ field: 'region', message: 'Invalid region identifier' }];
      return { status, headers: { 'x-ratelimit-limit': '600' }, body: errorBody(status, `failed with ${status}`, details, `reason_${status}`) };
    });
  });
  after(() => server.close());

  for (const [status, ErrorClass] of classes) {
    test(`${status} → ${ErrorClass.name}`, async () => {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, maxRetries: 0 });
      const error = await client.regions.retrieve(String(status)).catch((e: unknown) => e);
      assert.ok(error instanceof ErrorClass, `${error}`);
      assert.equal(error.constructor, ErrorClass, 'the most specific class, not a parent');
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.status, status);
      assert.equal(error.message, `failed with ${status}`);
      assert.equal(error.reason, `reason_${status}`);
      assert.deepEqual(error.details, [{ field: 'region', message: 'Invalid region identifier' }]);
      assert.equal(error.request_id, `req_envelope_${status}`);
      assert.equal(error.headers?.get('x-ratelimit-limit'), '600');
    });
  }

  test('a body that is not an envelope still gives the status class, with the X-Request-Id header', async () => {
    const plain = await startFakeServer(() => ({ status: 404, body: 'nothing here' }));
    try {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: plain.baseURL });
      const error = await client.account.retrieve().catch((e: unknown) => e);
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.message, 'HTTP 404');
      assert.equal(error.reason, undefined);
      assert.equal(error.request_id, 'req_fake_1');
      assert.deepEqual(error.details, []);
    } finally {
      await plain.close();
    }
  });
});
