import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APIConnectionError, AuthenticationError } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

export function tlsTests(live: LiveServer) {
  test('the self-signed certificate is refused unless trusted through `ca`', async () => {
    const untrusting = live.client({ ca: undefined, maxRetries: 0 });
    const error = await untrusting.account.retrieve().catch((e: unknown) => e);
    assert.ok(error instanceof APIConnectionError, String(error));
    assert.match(error.message, /certificate/i);
    const account = await live.client().account.retrieve();
    assert.equal(account.id, live.info.account_id);
  });

  test('CLOUDNEXUS_* environment variables configure a client built with no options', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { CLOUDNEXUS_API_KEY: live.info.api_key, CLOUDNEXUS_BASE_URL: live.info.base_url, CLOUDNEXUS_CA_CERT: live.info.ca_file });
    try {
      const { CloudNexus } = await import('../../src/index.js');
      const account = await new CloudNexus().account.retrieve();
      assert.equal(account.id, live.info.account_id);
    } finally {
      for (const name of ['CLOUDNEXUS_API_KEY', 'CLOUDNEXUS_BASE_URL', 'CLOUDNEXUS_CA_CERT']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });

  test('an unknown key is an AuthenticationError carrying the request id', async () => {
    const client = live.client({ apiKey: 'cnx_live_000000000000000000000000_000000' });
    const error = await client.account.retrieve().catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 401);
    assert.match(error.request_id ?? '', /^req_/);
    assert.equal(error.headers?.get('x-request-id'), error.request_id);
  });
}
