import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiEnv, cli, cliJson } from './helpers/cli.js';

describe('api-keys', () => {
  test('create a scoped key, use it, see its scope enforced, revoke it', async () => {
    const created = await cli(['api-keys', 'create', '--name', 'cli-readonly', '--scope', 'regions:read', '-o', 'json'], { env: apiEnv() });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, /shown only this once/);
    const { key, secret } = JSON.parse(created.stdout);
    assert.match(key.id, /^key_/);
    assert.deepEqual(key.scopes, ['regions:read']);
    assert.match(secret, /^cnx_live_/);

    const asNewKey = { ...apiEnv(), CLOUDNEXUS_API_KEY: secret };
    assert.equal((await cliJson<object[]>(['regions', 'list', '--limit', '1'], asNewKey)).length, 1);
    const forbidden = await cli(['instances', 'list'], { env: asNewKey });
    assert.equal(forbidden.code, 3, 'a 403 exits like a 401');
    assert.match(forbidden.stderr, /^Error 403: /);

    assert.ok((await cliJson<{ id: string }[]>(['api-keys', 'list', '--all'])).some((item) => item.id === key.id));
    assert.equal((await cliJson(['api-keys', 'get', key.id])).name, 'cli-readonly');
    assert.equal((await cliJson(['api-keys', 'revoke', key.id])).status, 'revoked');
    const revoked = await cli(['regions', 'list'], { env: asNewKey });
    assert.equal(revoked.code, 3);
    assert.match(revoked.stderr, /^Error 401: /);
  });

  test('rotate with --grace none: the new secret works, the old one gets 401', async () => {
    const { key, secret } = await cliJson<{ key: { id: string }; secret: string }>(['api-keys', 'create', '--name', 'cli-rotate', '--scope', 'regions:read']);
    const rotated = await cli(['api-keys', 'rotate', key.id, '--grace', 'none', '-o', 'json'], { env: apiEnv() });
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.match(rotated.stderr, /shown only this once/);
    const fresh = JSON.parse(rotated.stdout);
    assert.notEqual(fresh.key.id, key.id);
    assert.equal((await cliJson<object[]>(['regions', 'list', '--limit', '1'], { ...apiEnv(), CLOUDNEXUS_API_KEY: fresh.secret })).length, 1);
    const old = await cli(['regions', 'list'], { env: { ...apiEnv(), CLOUDNEXUS_API_KEY: secret } });
    assert.match(old.stderr, /^Error 401: /);
    const bad = await cli(['api-keys', 'rotate', fresh.key.id, '--grace', '2d'], { env: apiEnv() });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /2d/);
  });

  test('in a table, the secret is shown beside the key fields', async () => {
    const created = await cli(['api-keys', 'create', '--name', 'cli-table', '--scope', 'regions:read', '-o', 'table'], { env: apiEnv() });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^id +key_\w+$/m);
    assert.match(created.stdout, /^secret +cnx_live_\w+$/m);
  });
});
