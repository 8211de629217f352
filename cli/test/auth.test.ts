import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, tempConfigHome, testServer } from './helpers/cli.js';

const server = testServer();
const loginArgs = ['auth', 'login', '--api-key', server.api_key, '--base-url', server.base_url, '--ca-cert', server.ca_file];
const withoutKey = ['auth', 'login', '--base-url', server.base_url, '--ca-cert', server.ca_file];

describe('auth', () => {
  test('login checks the key, stores the profile with mode 0600, and status uses it', async () => {
    const home = tempConfigHome();
    const login = await cli(loginArgs, { env: { XDG_CONFIG_HOME: home } });
    assert.equal(login.code, 0, login.stderr);
    assert.match(login.stderr, new RegExp(`Logged in to sdk-tests \\(${server.account_id}, enterprise\\) as profile "default"`));

    const file = path.join(home, 'cloudnexus', 'config.json');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), {
      profiles: { default: { api_key: server.api_key, base_url: server.base_url, ca_cert: server.ca_file } },
    });

    const status = await cli(['auth', 'status', '-o', 'json'], { env: { XDG_CONFIG_HOME: home } });
    assert.equal(status.code, 0, status.stderr);
    const shown = JSON.parse(status.stdout);
    assert.equal(shown.account_id, server.account_id);
    assert.equal(shown.key_source, file);
    assert.equal(shown.base_url, server.base_url);
    assert.ok(!status.stdout.includes(server.api_key), 'status must not print the whole key');

    // Commands other than auth run on the stored profile alone.
    const account = await cli(['account', 'get', '-o', 'json'], { env: { XDG_CONFIG_HOME: home } });
    assert.equal(JSON.parse(account.stdout).id, server.account_id);
  });

  test('named profiles are kept apart, and logout removes only its own', async () => {
    const home = tempConfigHome();
    const env = { XDG_CONFIG_HOME: home };
    assert.equal((await cli([...loginArgs, '--profile', 'staging'], { env })).code, 0);
    assert.equal((await cli(['auth', 'status', '--profile', 'staging'], { env })).code, 0);
    const unknown = await cli(['auth', 'status'], { env });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /^Error: Not logged in: run `cloudnexus auth login`/);

    const logout = await cli(['auth', 'logout', '--profile', 'staging'], { env });
    assert.equal(logout.code, 0);
    assert.match(logout.stderr, /Logged out of profile "staging"/);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(home, 'cloudnexus', 'config.json'), 'utf8')), { profiles: {} });
    assert.equal((await cli(['auth', 'status', '--profile', 'staging'], { env })).code, 3);
  });

  test('login reads a piped key from stdin', async () => {
    const home = tempConfigHome();
    const login = await cli(withoutKey, {
      env: { XDG_CONFIG_HOME: home },
      input: `${server.api_key}\n`,
    });
    assert.equal(login.code, 0, login.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(home, 'cloudnexus', 'config.json'), 'utf8')).profiles.default.api_key, server.api_key);
  });

  test('login with no key given and nothing piped in is a usage error', async () => {
    const login = await cli(withoutKey, { env: { XDG_CONFIG_HOME: tempConfigHome() } });
    assert.equal(login.code, 2);
    assert.match(login.stderr, /^Error: No API key given/);
  });

  test('a bad key is refused with exit 3 and nothing is stored', async () => {
    const home = tempConfigHome();
    const args = [...loginArgs];
    args[args.indexOf('--api-key') + 1] = 'cnx_live_000000000000000000000000_000000';
    const login = await cli(args, { env: { XDG_CONFIG_HOME: home } });
    assert.equal(login.code, 3);
    assert.match(login.stderr, /^Error 401: .+ \(request req_[0-9a-f]+\)\n$/);
    assert.equal(fs.existsSync(path.join(home, 'cloudnexus', 'config.json')), false);
  });

  test('CLOUDNEXUS_API_KEY overrides the stored profile', async () => {
    const home = tempConfigHome();
    assert.equal((await cli(loginArgs, { env: { XDG_CONFIG_HOME: home } })).code, 0);
    const status = await cli(['auth', 'status', '-o', 'json'], { env: { XDG_CONFIG_HOME: home, CLOUDNEXUS_API_KEY: server.api_key } });
    assert.equal(JSON.parse(status.stdout).key_source, 'CLOUDNEXUS_API_KEY');
    const bad = await cli(['regions', 'list'], { env: { XDG_CONFIG_HOME: home, CLOUDNEXUS_API_KEY: 'cnx_live_000000000000000000000000_000000' } });
    assert.equal(bad.code, 3);
  });
});
