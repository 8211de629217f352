import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { apiEnv, cli } from './helpers/cli.js';

const createArgs = (overrides: Record<string, string>) =>
  Object.entries({ name: 'cli-err', region: 'eu-central-1', plan: 'micro', image: 'debian-12', ...overrides }).flatMap(([flag, value]) => [`--${flag}`, value]);

/** A port on which nothing listens: bound, read, then released. */
async function closedPort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('errors: one line on stderr, an exit code per class', () => {
  test('404 → exit 4, with the request id', async () => {
    const result = await cli(['instances', 'get', 'inst_doesnotexist'], { env: apiEnv() });
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Error 404: Instance inst_doesnotexist not found \(request req_[0-9a-f]+\)\n$/);
  });

  test('422 → exit 6, naming the field', async () => {
    const result = await cli(['instances', 'create', ...createArgs({ region: 'mars-1' })], { env: apiEnv() });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^Error 422: Validation failed — region: Invalid region identifier \(request req_[0-9a-f]+\)\n$/);
  });

  test('400 → exit 6, naming the field', async () => {
    const result = await cli(['instances', 'create', ...createArgs({ name: 'not a hostname!' })], { env: apiEnv() });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^Error 400: .* — name: .* \(request req_[0-9a-f]+\)\n$/);
  });

  test('a bad key → 401, exit 3', async () => {
    const result = await cli(['account', 'get'], { env: { ...apiEnv(), CLOUDNEXUS_API_KEY: 'cnx_live_000000000000000000000000_000000' } });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /^Error 401: .+ \(request req_[0-9a-f]+\)\n$/);
  });

  test('no key at all → exit 3 with what to do', async () => {
    const result = await cli(['regions', 'list']);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /^Error: Not logged in: run `cloudnexus auth login` or set CLOUDNEXUS_API_KEY/);
  });

  test('nothing listening → exit 8', async () => {
    const port = await closedPort();
    const result = await cli(['regions', 'list'], { env: { ...apiEnv(), CLOUDNEXUS_BASE_URL: `https://127.0.0.1:${port}/v2` } });
    assert.equal(result.code, 8);
    assert.match(result.stderr, /^Error: .+\n$/);
  });

  test('usage errors → exit 2: unknown command, missing option, bad choice', async () => {
    for (const args of [['nope'], ['instances', 'create', '--name', 'x'], ['regions', 'list', '-o', 'xml'], ['instances', 'list', '--limit', '0']]) {
      const result = await cli(args, { env: apiEnv() });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^error: /);
    }
  });

  test('--help and --version exit 0', async () => {
    const help = await cli(['instances', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: cloudnexus instances/);
    const version = await cli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
