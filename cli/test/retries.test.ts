// The SDK retries 429 and 5xx (its own suite pins the backoff); here a local fake API checks what
// the CLI makes of it: a retried call that then succeeds, and the exit code once retries run out.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { cli } from './helpers/cli.js';

/** Answers GET /v2/account from a script of statuses; the last one repeats. */
let script: number[] = [];
let requests: string[] = [];
const fake = http.createServer((request, response) => {
  requests.push(request.url ?? '');
  const status = script.length > 1 ? script.shift()! : script[0]!;
  const requestId = `req_fake${requests.length}`;
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'x-request-id': requestId };
  if (status === 429) headers['retry-after'] = '0';
  const body =
    status === 200
      ? { id: 'acc_fake', name: 'fake', tier: 'free', rate_limit: 60, quotas: {}, created_at: '2025-01-01T00:00:00Z' }
      : { error: { code: status, message: status === 429 ? 'Rate limit exceeded' : 'Service unavailable', details: [], request_id: requestId } };
  response.writeHead(status, headers).end(JSON.stringify(body));
});
let env: Record<string, string>;

before(async () => {
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const { port } = fake.address() as AddressInfo;
  env = { CLOUDNEXUS_API_KEY: 'cnx_live_fake', CLOUDNEXUS_BASE_URL: `http://127.0.0.1:${port}/v2` };
});
after(() => fake.close());

function serve(statuses: number[]): void {
  script = statuses;
  requests = [];
}

describe('retries seen from the CLI', () => {
  test('a 429 then a 503 are retried and the command succeeds', async () => {
    serve([429, 503, 200]);
    const result = await cli(['account', 'get', '-o', 'json'], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).id, 'acc_fake');
    assert.deepEqual(requests, ['/v2/account', '/v2/account', '/v2/account']);
  });

  test('429 until retries run out → exit 7 with the last request id', async () => {
    serve([429]);
    const result = await cli(['account', 'get'], { env });
    assert.equal(result.code, 7);
    assert.equal(requests.length, 3, 'one call and two retries');
    assert.equal(result.stderr, 'Error 429: Rate limit exceeded (request req_fake3)\n');
  });

  test('503 until retries run out → exit 8', async () => {
    serve([503]);
    const result = await cli(['account', 'get'], { env });
    assert.equal(result.code, 8);
    assert.match(result.stderr, /^Error 503: Service unavailable \(request req_fake3\)\n$/);
  });
});
