// The seed's install line, for real: `curl -sS --cacert <ca> https://127.0.0.1:PORT/install.sh | bash`
// in a fresh HOME against a real server hosting dist/, then the installed `cloudnexus` calls it; and
// pip installing the SDK from the same server's PEP 503 index, trusting its generated certificate.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
// @ts-expect-error: a plain .mjs helper shared with npm start, without type declarations.
import { ensureDist } from '../scripts/lib/ensure-dist.mjs';
import { cli, startServer, stop, type RunningServer } from './helpers/server.js';

const curl = spawnSync('curl', ['--version']);
const python = spawnSync('python3', ['--version']);

describe('installing from the server\'s own downloads', { skip: curl.error ? 'curl is not installed' : false, timeout: 240_000 }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-installer-'));
  const home = path.join(work, 'home');
  const caFile = path.join(work, 'ca.pem');
  let server: RunningServer;
  let apiKey: string;
  before(async () => {
    (ensureDist as (parts: string[]) => void)(['npm', ...(python.error ? [] : ['python'])]);
    const dataDir = path.join(work, 'data');
    const created = await cli(['accounts', 'create', '--name', 'installer', '--tier', 'pro', '--json', '--data-dir', dataDir]);
    assert.equal(created.code, 0, created.stderr);
    apiKey = JSON.parse(created.stdout).api_key;
    server = await startServer(dataDir);
    fs.writeFileSync(caFile, server.ca);
    fs.mkdirSync(home);
  });
  after(async () => {
    if (server) await stop(server);
    fs.rmSync(work, { recursive: true, force: true });
  });

  const env = () => ({ PATH: process.env.PATH ?? '', HOME: home, npm_config_cache: path.join(work, 'npm-cache') });
  const cloudnexus = path.join(home, '.local', 'bin', 'cloudnexus');

  test('curl | bash installs the CLI under ~/.local with a profile for this server', () => {
    const run = spawnSync('bash', ['-c', 'curl -sS --cacert "$1" "$2/install.sh" | bash', 'install', caFile, server.origin], { encoding: 'utf8', env: env(), timeout: 180_000 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /installed cloudnexus 0\.1\.0 as .*\/\.local\/bin\/cloudnexus/);
    const config = JSON.parse(fs.readFileSync(path.join(home, '.config', 'cloudnexus', 'config.json'), 'utf8'));
    assert.equal(config.profiles.default.base_url, `${server.origin}/v2`);
    assert.equal(fs.readFileSync(config.profiles.default.ca_cert, 'utf8').trim(), server.ca.trim());
  });

  test('the installed cloudnexus logs in and lists regions from that server', () => {
    const login = spawnSync(cloudnexus, ['auth', 'login', '--api-key', apiKey], { encoding: 'utf8', env: env() });
    assert.equal(login.status, 0, login.stderr);
    const regions = spawnSync(cloudnexus, ['regions', 'list', '-o', 'json'], { encoding: 'utf8', env: env() });
    assert.equal(regions.status, 0, regions.stderr);
    assert.ok(JSON.parse(regions.stdout).length > 0, regions.stdout);
  });

  test('pip installs the SDK from the server\'s index, verifying the generated certificate', { skip: python.error ? 'python3 is not installed' : false }, () => {
    const venv = path.join(work, 'venv');
    const step = (command: string, args: string[]) => {
      const result = spawnSync(command, args, { encoding: 'utf8', env: env(), timeout: 180_000 });
      assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };
    step('python3', ['-m', 'venv', venv]);
    // --no-deps: httpx and pydantic come from PyPI; what is proven here is our index and certificate.
    // env() passes no REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE, which would override --cert (see the README).
    step(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '--index-url', `${server.origin}/downloads/python/`, '--cert', caFile, 'cloudnexus']);
    assert.match(step(path.join(venv, 'bin', 'pip'), ['show', 'cloudnexus']), /^Version: 0\.1\.0$/m);
  });

  test('a tarball that does not match its hash is not installed', () => {
    const script = spawnSync('curl', ['-sS', '--cacert', caFile, `${server.origin}/install.sh`], { encoding: 'utf8' }).stdout;
    const tampered = script.replace(/^CLI_SHA256='[0-9a-f]+'$/m, `CLI_SHA256='${'0'.repeat(64)}'`);
    const run = spawnSync('bash', ['-s', '--', '--prefix', path.join(work, 'tampered')], { input: tampered, encoding: 'utf8', env: env() });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /has SHA-256 [0-9a-f]{64}, expected 0{64}: not installing it/);
    assert.equal(fs.existsSync(path.join(work, 'tampered', 'bin', 'cloudnexus')), false);
  });
});
