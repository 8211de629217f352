// Resource consumption: a client that sends a request slowly, or nothing at all, cannot hold a
// connection open. Timeouts are shortened by configuration so the test takes seconds.
import assert from 'node:assert/strict';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { createTestApp, testCertificate, type TestApp } from './helpers/app.js';

const TIMEOUT_MS = 1000;
const IDLE_MS = 3000;

describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await createTestApp('sqlite', { env: { CLOUDNEXUS_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), CLOUDNEXUS_IDLE_TIMEOUT_MS: String(IDLE_MS) } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  });
  after(() => t.close());

  /** Opens a verified TLS connection, writes `send`, and reports what came back and when the server closed it. */
  async function hold(send: string): Promise<{ received: string; closedAfterMs: number }> {
    const { cert } = await testCertificate();
    const started = Date.now();
    const socket = tls.connect({ host: '127.0.0.1', port, ca: cert, servername: 'localhost' });
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', () => resolve());
      socket.once('error', reject);
    });
    if (send) socket.write(send);
    // Bounded: the test gives up (and fails) if the server keeps the connection for 10 s.
    const closed = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('close', () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    socket.destroy();
    assert.ok(closed, 'the server closed the connection');
    return { received, closedAfterMs: Date.now() - started };
  }

  test('headers that never finish are answered 408 and the connection closed', async () => {
    const { received, closedAfterMs } = await hold('GET /v2/regions HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    assert.match(received, /^HTTP\/1\.1 408 /);
    assert.match(received, /"code":408/);
    assert.ok(closedAfterMs < TIMEOUT_MS + 3000, `closed after ${closedAfterMs} ms`);
  });

  test('a body that stops arriving is cut off too', async () => {
    const { closedAfterMs } = await hold(
      'POST /v2/api_keys HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
    );
    assert.ok(closedAfterMs < TIMEOUT_MS + 3000, `closed after ${closedAfterMs} ms`);
  });

  test('a connection that sends nothing is closed too', async () => {
    const { received, closedAfterMs } = await hold('');
    // Node counts the first request's deadline from the connection: a 408, then the close.
    assert.ok(received === '' || /^HTTP\/1\.1 408 /.test(received), received);
    assert.ok(closedAfterMs < IDLE_MS + 3000, `closed after ${closedAfterMs} ms`);
  });

  test('a prompt request is unaffected', async () => {
    const { received } = await hold('GET /v2/regions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    assert.match(received, /^HTTP\/1\.1 401 /);
  });
});
