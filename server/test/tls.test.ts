import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { loadConfig } from '../src/config.js';
import { loadCertificate } from '../src/http/tls.js';
import { createTestApp, testCertificate, type TestApp } from './helpers/app.js';

describe('TLS certificate', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-tls-'));
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  test('a self-signed SHA-256 certificate for localhost, 127.0.0.1 and ::1 is generated once into the data dir', async () => {
    const config = loadConfig({ CLOUDNEXUS_DATA_DIR: dataDir }, {});
    const first = await loadCertificate(config);
    const cert = new x509.X509Certificate(first.cert);
    assert.equal((cert.signatureAlgorithm as { hash?: { name: string } }).hash?.name, 'SHA-256');
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const names = san?.names.toJSON().map((n) => `${n.type}:${n.value}`) ?? [];
    assert.deepEqual(names.sort(), ['dns:localhost', 'ip:127.0.0.1', 'ip:::1'].sort());

    const keyFile = path.join(dataDir, 'tls', 'key.pem');
    assert.equal((await fs.stat(keyFile)).mode & 0o777, 0o600, 'the private key is readable by its owner only');
    const second = await loadCertificate(config);
    assert.deepEqual(second, first, 'the second start reuses the certificate');
  });

  test("the operator's certificate is used when configured", async () => {
    const generated = await loadCertificate(loadConfig({ CLOUDNEXUS_DATA_DIR: dataDir }, {}));
    const certFile = path.join(dataDir, 'operator-cert.pem');
    const keyFile = path.join(dataDir, 'operator-key.pem');
    await fs.writeFile(certFile, generated.cert);
    await fs.writeFile(keyFile, generated.key);
    const otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-tls-'));
    const config = loadConfig({ CLOUDNEXUS_DATA_DIR: otherDir, CLOUDNEXUS_TLS_CERT: certFile, CLOUDNEXUS_TLS_KEY: keyFile }, {});
    assert.deepEqual(await loadCertificate(config), generated);
    await assert.rejects(fs.stat(path.join(otherDir, 'tls')), 'nothing is generated');
    await fs.rm(otherDir, { recursive: true, force: true });
  });
});

describe('HTTPS listener', () => {
  let t: TestApp;
  let port: number;
  let handled = 0;
  before(async () => {
    t = await createTestApp('sqlite');
    // The lowest place a request can surface: before routing, hooks or handlers.
    t.app.server.on('request', () => {
      handled++;
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  });
  after(() => t.close());

  test('answers HTTPS, verifiable against its own certificate by IP and by name', async () => {
    const { cert } = await testCertificate();
    for (const host of ['127.0.0.1', 'localhost']) {
      const status = await new Promise<number>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', servername: host === 'localhost' ? host : undefined, port, path: '/v2/regions', ca: cert }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
      assert.equal(status, 401, `verified TLS to ${host}`);
    }
  });

  test('a request line and headers over 16 KiB get a 400 envelope, not the parser\'s own answer', async () => {
    const { cert } = await testCertificate();
    const { status, headers, body } = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: `/v2/regions?cursor=${'x'.repeat(20_000)}`, ca: cert }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        })
        .on('error', reject);
    });
    assert.equal(status, 400);
    assert.match(String(headers['content-type']), /^application\/json/);
    const parsed = JSON.parse(body) as { error: { code: number; request_id: string; details: unknown[] } };
    assert.equal(parsed.error.code, 400);
    assert.deepEqual(parsed.error.details, []);
    assert.equal(parsed.error.request_id, headers['x-request-id']);
  });

  test('a plain-HTTP request fails and reaches no handler', async () => {
    const before = handled;
    assert.ok(before > 0, 'the counter sees HTTPS requests');
    const outcome = await new Promise<string>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/v2/regions', timeout: 5000 }, (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      request.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
      request.on('timeout', () => {
        request.destroy();
        resolve('error timeout');
      });
    });
    assert.match(outcome, /^error /, `plain HTTP must fail, got ${outcome}`);
    assert.equal(handled, before, 'no handler ran');
  });
});
