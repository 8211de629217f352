import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APIConnectionError, APITimeoutError, BadRequestError, CloudNexus, RateLimitError } from '../src/index.js';
import { errorBody, startFakeServer, type FakeServer } from './helpers/fake-server.js';

const instance = { id: 'inst_1', name: 'web', status: 'provisioning' };
const createBody = { name: 'web', region: 'eu-central-1', plan: 'micro', image: 'debian-12' };

describe('retries', () => {
  describe('429 with Retry-After, then 503, then 201', () => {
    let server: FakeServer;
    before(async () => {
      server = await startFakeServer((_request, index) => {
        if (index === 0) return { status: 429, headers: { 'retry-after': '1' }, body: errorBody(429, 'Too many requests') };
        if (index === 1) return { status: 503, body: errorBody(503, 'Unavailable') };
        return { status: 201, body: instance };
      });
    });
    after(() => server.close());

    test('retries until it succeeds, honouring Retry-After and reusing one Idempotency-Key', async () => {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
      const started = performance.now();
      const created = await client.instances.create(createBody);
      const elapsed = performance.now() - started;

      assert.deepEqual(created, instance);
      assert.equal(server.requests.length, 3);
      const [first, second, third] = server.requests.map((r) => r!);
      assert.ok(second!.at - first!.at >= 990, `Retry-After: 1 honoured (waited ${second!.at - first!.at} ms)`);
      // After a 503 without Retry-After the second backoff step applies: 1 s less up to 25 % jitter.
      assert.ok(third!.at - second!.at >= 740 && third!.at - second!.at < 1500, `backoff ${third!.at - second!.at} ms`);
      const keys = server.requests.map((r) => r.headers['idempotency-key']);
      assert.match(String(keys[0]), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual(new Set(keys).size, 1, 'one key across every retry of the call');
      assert.ok(server.requests.every((r) => r.body === JSON.stringify(createBody)));
      assert.ok(elapsed < 4000);
    });
  });

  describe('a server that always answers 429', () => {
    let server: FakeServer;
    before(async () => {
      server = await startFakeServer(() => ({ status: 429, headers: { 'retry-after': '0', 'x-ratelimit-remaining': '0' }, body: errorBody(429, 'Slow down') }));
    });
    after(() => server.close());

    test('gives up after maxRetries and throws RateLimitError with the headers', async () => {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, maxRetries: 3 });
      const error = await client.regions.retrieve('eu-central-1').catch((e: unknown) => e);
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.status, 429);
      assert.equal(error.headers?.get('x-ratelimit-remaining'), '0');
      assert.equal(server.requests.length, 4);
    });

    test('a per-call maxRetries overrides the client', async () => {
      server.requests.length = 0;
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
      await assert.rejects(client.account.retrieve({ maxRetries: 0 }), RateLimitError);
      assert.equal(server.requests.length, 1);
    });

    test('each call generates its own Idempotency-Key unless the caller passes one', async () => {
      server.requests.length = 0;
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, maxRetries: 0 });
      await assert.rejects(client.sshKeys.create({ name: 'a', public_key: 'k' }));
      await assert.rejects(client.sshKeys.create({ name: 'a', public_key: 'k' }));
      await assert.rejects(client.sshKeys.create({ name: 'a', public_key: 'k' }, { idempotencyKey: 'mine-1' }));
      const [first, second, third] = server.requests.map((r) => r.headers['idempotency-key']);
      assert.notEqual(first, second);
      assert.equal(third, 'mine-1');
    });
  });

  test('a 400 is not retried', async () => {
    const server = await startFakeServer(() => ({ status: 400, body: errorBody(400, 'Bad', [{ field: 'limit', message: 'too big' }]) }));
    try {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
      await assert.rejects(client.instances.list({ limit: 1000 }), BadRequestError);
      assert.equal(server.requests.length, 1);
      assert.equal(server.requests[0]!.method, 'GET');
      assert.equal(server.requests[0]!.headers['idempotency-key'], undefined, 'only POSTs carry a key');
    } finally {
      await server.close();
    }
  });

  test('a refused connection is retried, then thrown as APIConnectionError', async () => {
    const server = await startFakeServer(() => ({ status: 200 }));
    await server.close();
    const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, maxRetries: 1 });
    const started = performance.now();
    const error = await client.account.retrieve().catch((e: unknown) => e);
    assert.ok(error instanceof APIConnectionError && !(error instanceof APITimeoutError), String(error));
    assert.equal(error.status, undefined);
    assert.ok(performance.now() - started >= 370, 'waited one backoff step before the retry');
  });

  test('a slow answer times out as APITimeoutError, and the timeout is retried', async () => {
    const server = await startFakeServer(() => ({ status: 200, body: {}, delayMs: 1000 }));
    try {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, timeout: 100, maxRetries: 1 });
      await assert.rejects(client.account.retrieve(), APITimeoutError);
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  test("a caller's abort is thrown as is and not retried", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    // Abort once the request has reached the server, however slow the machine is.
    const server = await startFakeServer(() => {
      setImmediate(() => controller.abort(reason));
      return { status: 200, body: {}, delayMs: 1000 };
    });
    try {
      const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
      await assert.rejects(client.account.retrieve({ signal: controller.signal }), (e) => e === reason);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});
