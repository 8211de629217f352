import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { runCli } from './helpers/cli.js';

for (const kind of DATABASE_KINDS) {
  describe(`operator CLI against a running server's database (${kind})`, () => {
    let t: TestApp;
    let db: string[];
    before(async () => {
      t = await createTestApp(kind);
      db = ['--database-url', t.testDb.databaseUrl, '--data-dir', t.testDb.dataDir];
    });
    after(() => t.close());

    const json = async (args: string[]) => {
      const result = await runCli([...args, ...db, '--json']);
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout);
    };

    test('accounts create prints the account and a key that works at once', async () => {
      const out = await json(['accounts', 'create', '--name', 'Acme', '--tier', 'pro', '--rate-limit', '900']);
      assert.deepEqual(Object.keys(out).sort(), ['account', 'api_key']);
      assert.match(out.account.id, /^acc_[0-9a-f]{16}$/);
      assert.deepEqual([out.account.name, out.account.tier, out.account.rate_limit], ['Acme', 'pro', 900]);
      assert.match(out.api_key, /^cnx_live_/);
      const response = await t.request(out.api_key, { method: 'GET', url: '/v2/regions' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-ratelimit-limit'], '900');
    });

    test('keys create, list and revoke, seen by the running server', async () => {
      const { account } = await json(['accounts', 'create', '--name', 'Keys', '--tier', 'free']);
      const created = await json(['keys', 'create', '--account', account.id, '--name', 'deploy', '--scopes', 'regions:read,plans:read', '--regions', 'eu-west-1']);
      assert.deepEqual([created.key.scopes, created.key.regions], [['regions:read', 'plans:read'], ['eu-west-1']]);
      assert.equal((await t.request(created.api_key, { method: 'GET', url: '/v2/plans' })).statusCode, 200);
      assert.equal((await t.request(created.api_key, { method: 'GET', url: '/v2/images' })).statusCode, 403);

      const listed = await json(['keys', 'list', '--account', account.id]);
      assert.deepEqual(listed.data.map((k: { id: string }) => k.id).sort(), [created.key.id, listed.data.find((k: { name: string }) => k.name === 'initial').id].sort());
      assert.doesNotMatch(JSON.stringify(listed), /cnx_live_[0-9A-Za-z]{22}_/, 'list never shows secrets');

      const revoked = await json(['keys', 'revoke', '--account', account.id, '--key', created.key.id]);
      assert.equal(revoked.key.status, 'revoked');
      assert.equal((await t.request(created.api_key, { method: 'GET', url: '/v2/plans' })).statusCode, 401);

      const again = await runCli(['keys', 'revoke', '--account', account.id, '--key', created.key.id, ...db]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already revoked/);
    });

    test('users create reads the password from stdin; the user can sign in to the dashboard', async () => {
      const { account } = await json(['accounts', 'create', '--name', 'Owners', '--tier', 'free']);
      const args = ['users', 'create', '--account', account.id, '--email', 'Ops@Example.com', '--password-stdin', ...db, '--json'];
      const created = await runCli(args, 'a long enough password\n');
      assert.equal(created.code, 0, created.stderr);
      const { user } = JSON.parse(created.stdout);
      assert.deepEqual([user.email, user.account_id], ['ops@example.com', account.id]);
      assert.doesNotMatch(created.stdout, /long enough/, 'the password is never echoed');
      const host = 'cloudnexus.test';
      const signIn = (password: string) =>
        t.app.inject({ method: 'POST', url: '/dashboard/api/session', headers: { host, origin: `https://${host}` }, payload: { email: 'ops@example.com', password } });
      assert.equal((await signIn('a long enough password')).statusCode, 201, 'the trailing newline is not part of the password');
      assert.equal((await signIn('a long enough password\n')).statusCode, 401);

      const duplicate = await runCli(args, 'another long password\n');
      assert.equal(duplicate.code, 1);
      assert.match(duplicate.stderr, /already exists/);
      const short = await runCli(['users', 'create', '--account', account.id, '--email', 'x@example.com', '--password-stdin', ...db], 'short\n');
      assert.equal(short.code, 1);
      assert.match(short.stderr, /password: Must be 12 to 256 characters/);
      const noStdin = await runCli(['users', 'create', '--account', account.id, '--email', 'x@example.com', ...db]);
      assert.equal(noStdin.code, 2);
      assert.match(noStdin.stderr, /--password-stdin is required/);
    });

    test('bad input is refused with the field named, and usage errors exit 2', async () => {
      const badTier = await runCli(['accounts', 'create', '--name', 'X', '--tier', 'gold', ...db]);
      assert.equal(badTier.code, 1);
      assert.match(badTier.stderr, /tier: Must be one of free, pro, enterprise/);
      const missing = await runCli(['accounts', 'create', '--tier', 'free', ...db]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--name is required/);
      const unknown = await runCli(['volumes', 'explode', ...db]);
      assert.equal(unknown.code, 2);
      const noAccount = await runCli(['keys', 'list', '--account', 'acc_0000000000000000', ...db]);
      assert.equal(noAccount.code, 1);
      assert.match(noAccount.stderr, /not found/);
    });

    test('migrate is safe to run again', async () => {
      const out = await json(['migrate']);
      assert.deepEqual(out, { applied: [], database: kind });
    });
  });
}
