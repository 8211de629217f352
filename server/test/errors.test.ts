import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import type { InjectOptions } from 'fastify';

// Node and Fastify take the QUERY method; the method type of light-my-request 6.6 (pinned for Node 20) predates it.
const QUERY = 'QUERY' as InjectOptions['method'];

for (const kind of DATABASE_KINDS) {
  describe(`error envelope (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      t = await createTestApp(kind, {
        extend: (app) => {
          app.get('/v2/boom', { config: { scope: 'regions:read' } }, async () => {
            throw new Error('database exploded at /secret/path.ts:12');
          });
        },
      });
      key = (await t.newCaller()).key;
    });
    after(() => t.close());

    const post = (payload: string | Buffer, contentType = 'application/json') =>
      t.request(key, { method: 'POST', url: '/v2/api_keys', payload, headers: { 'content-type': contentType } });

    test('invalid JSON is 400', async () => {
      assertError(await post('{"name": '), 400, 'invalid_request');
    });

    test('an empty JSON body is 400', async () => {
      assertError(await post(''), 400);
    });

    test('a missing required field is 400 naming it', async () => {
      const body = assertError(await post('{}'), 400);
      assert.deepEqual(fields(body), ['name']);
    });

    test('a wrong type is 400 naming the field', async () => {
      const body = assertError(await post(JSON.stringify({ name: 5 })), 400);
      assert.deepEqual(fields(body), ['name']);
    });

    test('an unknown body field is 400, not silently dropped', async () => {
      const body = assertError(await post(JSON.stringify({ name: 'x', owner: 'acc_1' })), 400);
      assert.deepEqual(body.error.details, [{ field: 'owner', message: 'Unknown field' }]);
    });

    test('every offending field gets its own detail, array items by index', async () => {
      const body = assertError(await post(JSON.stringify({ name: '', scopes: ['regions:read', 7], regions: 'x' })), 400);
      assert.deepEqual(fields(body), ['name', 'regions', 'scopes[1]']);
    });

    test('a body that is not a JSON object is 400', async () => {
      assertError(await post('[1,2]'), 400);
    });

    test('a bad query parameter is 400 naming it', async () => {
      const body = assertError(await t.request(key, { method: 'GET', url: '/v2/regions?limit=abc' }), 400);
      assert.deepEqual(fields(body), ['limit']);
      const unknown = assertError(await t.request(key, { method: 'GET', url: '/v2/regions?colour=red' }), 400);
      assert.deepEqual(fields(unknown), ['colour']);
    });

    test('semantic failures are 422 naming the field', async () => {
      const body = assertError(await post(JSON.stringify({ name: 'x', scopes: ['servers:read'], regions: ['mars-1'] })), 422);
      assert.deepEqual(fields(body), ['regions[0]', 'scopes[0]']);
    });

    test('a body over 1 MiB is 413', async () => {
      const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
      assertError(await post(huge), 413, 'payload_too_large');
    });

    test('a body that is not JSON is 415', async () => {
      assertError(await post('name=x', 'application/x-www-form-urlencoded'), 415);
      assertError(await post('name', 'text/plain'), 415);
    });

    test('an unknown route is 404', async () => {
      assertError(await t.request(key, { method: 'GET', url: '/v2/nothing-here' }), 404, 'route_not_found');
      assertError(await t.app.inject({ method: 'GET', url: '/' }), 404);
    });

    test('an unknown resource is 404', async () => {
      assertError(await t.request(key, { method: 'GET', url: '/v2/regions/atlantis-1' }), 404);
      assertError(await t.request(key, { method: 'GET', url: '/v2/api_keys/key_0000000000000000' }), 404);
    });

    test('a wrong method on a known path is 405 with Allow', async () => {
      const response = await t.request(key, { method: 'DELETE', url: '/v2/regions' });
      assertError(response, 405);
      assert.equal(response.headers.allow, 'GET, HEAD');
      const item = await t.request(key, { method: 'PUT', url: '/v2/api_keys/key_1' });
      assertError(item, 405);
      assert.equal(item.headers.allow, 'GET, HEAD, PATCH, DELETE');
    });

    test('a method with a body but no Content-Type on a known path is still 405, not a body error', async () => {
      const response = await t.request(key, { method: QUERY, url: '/v2/regions/us-east-1' });
      assertError(response, 405);
      assert.equal(response.headers.allow, 'GET, HEAD');
    });

    test('a path parameter longer than the router takes is 400 in the envelope', async () => {
      const response = await t.request(key, { method: 'GET', url: `/v2/instances/${'x'.repeat(500)}` });
      const body = assertError(response, 400);
      assert.equal(response.headers['x-request-id'], body.error.request_id);
    });

    test('a path parameter that is not valid percent-encoding is 400 in the envelope', async () => {
      assertError(await t.request(key, { method: 'GET', url: '/v2/instances/%E0%A4%A' }), 400);
    });

    test('a fault is 500 with no internals, and is logged with the request id', async () => {
      const response = await t.request(key, { method: 'GET', url: '/v2/boom' });
      const body = assertError(response, 500, 'internal');
      assert.doesNotMatch(response.body, /exploded|secret/);
      const logged = t.logs.map((line) => JSON.parse(line)).find((entry) => entry.reqId === body.error.request_id && entry.level === 50);
      assert.ok(logged, 'the fault is logged under its request id');
      assert.match(JSON.stringify(logged), /exploded/);
    });

    test('every response carries a distinct X-Request-Id', async () => {
      const responses = await Promise.all([
        t.request(key, { method: 'GET', url: '/v2/regions' }),
        t.request(null, { method: 'GET', url: '/v2/regions' }),
        t.request(key, { method: 'GET', url: '/v2/nope' }),
        t.request(key, { method: 'POST', url: '/v2/regions' }),
      ]);
      const ids = responses.map((r) => r.headers['x-request-id']);
      for (const id of ids) assert.match(String(id), /^req_[0-9a-f]{24}$/);
      assert.equal(new Set(ids).size, ids.length);
    });

    test('API keys never reach the logs', async () => {
      await t.request(key, { method: 'GET', url: '/v2/boom' });
      await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' });
      assert.ok(t.logs.length > 0);
      assert.doesNotMatch(t.logs.join('\n'), /cnx_live_/);
    });
  });
}
