// /install.sh and /downloads: served without a key from the downloads folder, checksummed, kept
// out of the OpenAPI document; the installer is bound to the address the client used.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './helpers/app.js';

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

describe('downloads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-downloads-'));
  const files: Record<string, Buffer> = {
    'npm/cloudnexus-sdk-0.1.0.tgz': Buffer.from('sdk tarball'),
    'npm/cloudnexus-0.1.0.tgz': Buffer.from('cli 0.1.0'),
    'npm/cloudnexus-0.10.0.tgz': Buffer.from('cli 0.10.0'),
    'python/cloudnexus-0.1.0-py3-none-any.whl': Buffer.from('wheel'),
    'python/cloudnexus-0.1.0.tar.gz': Buffer.from('sdist'),
    'rust/cloudnexus-0.1.0.crate': Buffer.from('crate'),
  };
  let t: TestApp;
  before(async () => {
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), bytes);
    }
    t = await createTestApp('sqlite', { env: { CLOUDNEXUS_DOWNLOADS_DIR: dir } });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = (url: string, headers: Record<string, string> = {}) => t.request(null, { method: 'GET', url, headers });

  test('each artifact is served without a key, with its SHA-256', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      const response = await get(`/downloads/${name}`);
      assert.equal(response.statusCode, 200, name);
      assert.deepEqual(response.rawPayload, bytes);
      assert.equal(response.headers['x-checksum-sha256'], sha256(bytes));
    }
    const listing = (await get('/downloads/')).json() as { data: { url: string; sha256: string }[] };
    assert.deepEqual(listing.data.map((entry) => entry.url).sort(), Object.keys(files).map((name) => `/downloads/${name}`).sort());
  });

  test('unknown, hidden or escaping names are 404 not_found', async () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the parts');
    for (const url of ['/downloads/npm/missing.tgz', '/downloads/npm/..%2Fsecret.txt', '/downloads/npm/.hidden', '/downloads/python/nothing/']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error.reason, 'not_found', url);
    }
  });

  test('the installer names the newest CLI and the SDK with their hashes, and this host', async () => {
    const response = await get('/install.sh', { host: 'cloud.example:9443' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/x-shellscript/);
    const script = response.body;
    assert.match(script, /^SERVER_URL='https:\/\/cloud\.example:9443'$/m);
    assert.match(script, /^CLI_FILE='cloudnexus-0\.10\.0\.tgz'$/m);
    assert.match(script, new RegExp(`^CLI_SHA256='${sha256(files['npm/cloudnexus-0.10.0.tgz'] as Buffer)}'$`, 'm'));
    assert.match(script, new RegExp(`^SDK_SHA256='${sha256(files['npm/cloudnexus-sdk-0.1.0.tgz'] as Buffer)}'$`, 'm'));
    assert.match(script, /^SERVER_CA='-----BEGIN CERTIFICATE-----/m, 'the self-signed certificate is embedded');
    assert.doesNotMatch(script, /@SETTINGS@/);
    const syntax = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
  });

  test('the served installer is shellcheck-clean (when shellcheck is installed)', async (t) => {
    const script = (await get('/install.sh')).body;
    const check = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
    if (check.error) return t.skip('shellcheck is not installed');
    assert.equal(check.status, 0, check.stdout);
  });

  test('the installer refuses what it cannot work with, before it installs anything', async () => {
    const script = (await get('/install.sh')).body;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-refusals-'));
    // A `node` that reports an old version: the installer's only way to learn which Node it has.
    const oldNode = path.join(home, 'old-node');
    fs.mkdirSync(oldNode);
    fs.writeFileSync(path.join(oldNode, 'node'), '#!/bin/sh\necho v18.19.1\n', { mode: 0o755 });
    const install = (args: string[], pathEnv = process.env.PATH ?? '') =>
      spawnSync('/bin/bash', ['-s', '--', ...args], { input: script, encoding: 'utf8', env: { PATH: pathEnv, HOME: home } });
    try {
      const cases: { what: string; run: ReturnType<typeof install>; says: RegExp }[] = [
        { what: 'an unknown option', run: install(['--bogus']), says: /unknown option --bogus/ },
        { what: 'no Node.js on PATH', run: install([], path.join(home, 'empty')), says: /Node\.js 20 or newer is required and was not found/ },
        { what: 'a Node.js older than 20', run: install([], `${oldNode}:${process.env.PATH}`), says: /Node\.js 20 or newer is required; found v18\.19\.1/ },
        { what: 'a CA file it cannot read', run: install(['--ca-file', path.join(home, 'missing.pem')]), says: /cannot read the CA file .*missing\.pem/ },
      ];
      for (const { what, run, says } of cases) {
        assert.equal(run.status, 1, `${what}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, says, what);
      }
      assert.equal(fs.existsSync(path.join(home, '.local')), false, 'nothing was installed');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  test('a Host header that is not a host is refused with 400', async () => {
    const response = await get('/install.sh', { host: "evil'$(id)" });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.reason, 'invalid_request');
  });

  test('the Python artifacts form a PEP 503 simple index', async () => {
    const root = await get('/downloads/python/');
    assert.equal(root.statusCode, 200);
    assert.match(root.body, /<a href="cloudnexus\/">cloudnexus<\/a>/);
    const project = await get('/downloads/python/CloudNexus/');
    assert.equal(project.statusCode, 200);
    const wheel = files['python/cloudnexus-0.1.0-py3-none-any.whl'] as Buffer;
    assert.match(project.body, new RegExp(`<a href="\\.\\./cloudnexus-0\\.1\\.0-py3-none-any\\.whl#sha256=${sha256(wheel)}">`));
    assert.match(project.body, /cloudnexus-0\.1\.0\.tar\.gz#sha256=/);
  });

  test('none of it is in the OpenAPI document', async () => {
    const document = (await get('/v2/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.deepEqual(Object.keys(document.paths).filter((url) => !url.startsWith('/v2/')), []);
  });
});

describe('downloads before npm run dist', () => {
  test('the installer is 503 unavailable while the CLI is not built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-downloads-empty-'));
    const t = await createTestApp('sqlite', { env: { CLOUDNEXUS_DOWNLOADS_DIR: empty } });
    try {
      const response = await t.request(null, { method: 'GET', url: '/install.sh' });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().error.reason, 'unavailable');
      assert.deepEqual((await t.request(null, { method: 'GET', url: '/downloads/' })).json(), { data: [] });
    } finally {
      await t.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
