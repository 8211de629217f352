// /healthz, /readyz and /metrics: outside /v2, no auth, not in the OpenAPI document, keys never logged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';

for (const kind of DATABASE_KINDS) {
  describe(`operations endpoints (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind));
    });
    after(() => t.close());

    test('/healthz answers without a key', async () => {
      const response = await t.request(null, { method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok' });
      assert.ok(response.headers['x-request-id']);
      assert.equal(response.headers['x-ratelimit-limit'], undefined, 'not rate limited');
    });

    test('/readyz checks the database (and Redis only when configured)', async () => {
      const response = await t.request(null, { method: 'GET', url: '/readyz' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ready' });
    });

    test('/metrics: requests by route template and status, latency, queue, rate-limit rejections', async () => {
      await t.request(key, { method: 'GET', url: '/v2/regions' });
      await t.request(key, { method: 'GET', url: '/v2/instances/inst_missing' });
      const response = await t.request(null, { method: 'GET', url: '/metrics' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain/);
      const text = response.body;
      assert.match(text, /cloudnexus_http_requests_total\{method="GET",route="\/v2\/regions",status="200"\} 1/);
      assert.match(text, /cloudnexus_http_requests_total\{method="GET",route="\/v2\/instances\/:id",status="404"\} 1/);
      assert.match(text, /cloudnexus_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/v2\/regions"\} 1/);
      assert.match(text, /^cloudnexus_action_queue_depth 0$/m);
      assert.match(text, /^cloudnexus_action_queue_oldest_age_seconds 0$/m);
      assert.match(text, /^cloudnexus_rate_limit_rejections_total 0$/m);
    });

    test('they are not part of the v2 contract', async () => {
      const document = (await t.request(null, { method: 'GET', url: '/v2/openapi.json' })).json() as { paths: Record<string, unknown> };
      for (const path of ['/healthz', '/readyz', '/metrics']) assert.equal(document.paths[path], undefined, path);
    });

    test('a key sent to them never reaches the logs', async () => {
      t.logs.length = 0;
      for (const url of ['/healthz', '/readyz', '/metrics']) {
        assert.equal((await t.request(key, { method: 'GET', url })).statusCode, 200);
      }
      const logs = t.logs.join('');
      assert.match(logs, /"url":"\/metrics"/, 'the requests were logged');
      assert.match(logs, /"reqId":"req_/);
      assert.ok(!logs.includes(key), 'the key is not in the logs');
      assert.ok(!logs.includes(key.slice(9, 31)), 'nor its random part');
    });
  });
}
