import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/core/config.js';
import { CloudNexus, CloudNexusError } from '../src/index.js';

test('without an API key the constructor says where to put one', () => {
  const saved = process.env.CLOUDNEXUS_API_KEY;
  delete process.env.CLOUDNEXUS_API_KEY;
  try {
    assert.throws(() => new CloudNexus(), (e) => e instanceof CloudNexusError && /CLOUDNEXUS_API_KEY/.test(e.message));
  } finally {
    if (saved !== undefined) process.env.CLOUDNEXUS_API_KEY = saved;
  }
});

test('defaults apply when neither options nor environment say otherwise', () => {
  assert.deepEqual(resolveConfig({ apiKey: 'k' }, {}), {
    apiKey: 'k',
    baseURL: 'https://api.cloudnexus.com/v2',
    timeout: 60_000,
    maxRetries: 2,
    ca: undefined,
  });
});

test('the environment fills in what the options leave out, and options win', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-sdk-config-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\n');
  try {
    const env = { CLOUDNEXUS_API_KEY: 'env-key', CLOUDNEXUS_BASE_URL: 'https://env.example/v2/', CLOUDNEXUS_CA_CERT: caFile };
    const fromEnv = resolveConfig({}, env);
    assert.equal(fromEnv.apiKey, 'env-key');
    assert.equal(fromEnv.baseURL, 'https://env.example/v2', 'a trailing slash is dropped');
    assert.equal(fromEnv.ca, '-----BEGIN CERTIFICATE-----\n');
    const explicit = resolveConfig({ apiKey: 'opt-key', baseURL: 'https://opt.example/v2', ca: 'PEM', timeout: 5, maxRetries: 0 }, env);
    assert.deepEqual(explicit, { apiKey: 'opt-key', baseURL: 'https://opt.example/v2', ca: 'PEM', timeout: 5, maxRetries: 0 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable CLOUDNEXUS_CA_CERT fails at construction, naming the file', () => {
  assert.throws(
    () => resolveConfig({ apiKey: 'k' }, { CLOUDNEXUS_CA_CERT: '/nonexistent/ca.pem' }),
    (e) => e instanceof CloudNexusError && e.message.includes('/nonexistent/ca.pem'),
  );
});
