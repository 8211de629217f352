import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { instanceInput } from './helpers/instances.js';
import { generateSshKey } from './helpers/openssh.js';

for (const kind of DATABASE_KINDS) {
  describe(`Idempotency-Key on POST (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    const post = (idempotencyKey: string | undefined, payload: object, as = key) =>
      t.request(as, {
        method: 'POST',
        url: '/v2/instances',
        payload,
        headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
      });
    const count = async (name: string) =>
      (await t.request(key, { method: 'GET', url: `/v2/instances?name=${name}&limit=100` })).json().data.length as number;

    test('the same key and body replay the first response; nothing is created twice', async () => {
      const body = instanceInput({ name: 'idem-1' });
      const first = await post('k-1', body);
      assert.equal(first.statusCode, 201);
      const again = await post('k-1', { ...body });
      assert.equal(again.statusCode, 201);
      assert.deepEqual(again.json(), first.json());
      assert.equal(again.headers.location, first.headers.location);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(first.headers['idempotent-replayed'], undefined);
      // Key order does not make a body different.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      assert.deepEqual((await post('k-1', reordered)).json(), first.json());
      assert.equal(await count('idem-1'), 1);
    });

    test('the same key with another body is 422', async () => {
      await post('k-2', instanceInput({ name: 'idem-2' }));
      const body = assertError(await post('k-2', instanceInput({ name: 'idem-2b' })), 422);
      assert.deepEqual(fields(body), ['Idempotency-Key']);
      assert.equal(await count('idem-2b'), 0);
    });

    test('a key whose first request is still in flight is 409', async () => {
      // What a concurrent request leaves behind while it runs: a reservation without a response.
      const body = instanceInput({ name: 'idem-3' });
      const reserved = await post('k-3', body);
      assert.equal(reserved.statusCode, 201);
      await t.testDb.database.db
        .updateTable('idempotency_keys')
        .set({ state: 'in_flight', response_status: null, response_body: null, locked_at: new Date(t.clock.ms).toISOString() })
        .where('key', '=', 'k-3')
        .execute();
      assertError(await post('k-3', body), 409);
    });

    test('two concurrent requests with one key create one instance', async () => {
      const body = instanceInput({ name: 'idem-4' });
      const [a, b] = await Promise.all([post('k-4', body), post('k-4', body)]);
      const statuses = [a.statusCode, b.statusCode].sort();
      assert.ok(statuses[0] === 201 && (statuses[1] === 201 || statuses[1] === 409), `got ${statuses}`);
      if (statuses[1] === 201) assert.equal(a.json().id, b.json().id, 'a replay, not a second instance');
      assert.equal(await count('idem-4'), 1);
      const later = await post('k-4', body);
      assert.equal(later.statusCode, 201);
      assert.equal(later.headers['idempotent-replayed'], 'true');
    });

    test('a request that failed frees its key for a corrected retry', async () => {
      assertError(await post('k-5', instanceInput({ name: 'idem-5', region: 'mars-1' })), 422);
      // Freed before the answer went out, so a retry sent the moment it arrives finds the key free.
      const held = await t.testDb.database.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'k-5').execute();
      assert.deepEqual(held, []);
      assert.equal((await post('k-5', instanceInput({ name: 'idem-5' }))).statusCode, 201);
    });

    test('an abandoned reservation (its process died) is taken over', async () => {
      const body = instanceInput({ name: 'idem-6' });
      assert.equal((await post('k-6', body)).statusCode, 201);
      // Pretend the first request died two minutes ago before committing anything.
      await t.testDb.database.db.deleteFrom('instances').where('name', '=', 'idem-6').execute();
      await t.testDb.database.db
        .updateTable('idempotency_keys')
        .set({ state: 'in_flight', response_status: null, response_body: null, locked_at: new Date(t.clock.ms - 120_000).toISOString() })
        .where('key', '=', 'k-6')
        .execute();
      const retried = await post('k-6', body);
      assert.equal(retried.statusCode, 201, retried.body);
      assert.equal(await count('idem-6'), 1);
    });

    test('every POST is idempotent: SSH keys replay, API keys replay without their secret', async () => {
      const sshBody = { name: 'laptop', public_key: generateSshKey({ kind: 'ed25519' }).line };
      const postTo = (url: string, payload: object) =>
        t.request(key, { method: 'POST', url, payload, headers: { 'idempotency-key': `k-${url}` } });
      const ssh = await postTo('/v2/ssh_keys', sshBody);
      assert.equal(ssh.statusCode, 201, ssh.body);
      const sshAgain = await postTo('/v2/ssh_keys', sshBody);
      assert.deepEqual([sshAgain.statusCode, sshAgain.json()], [201, ssh.json()]);

      const apiKey = await postTo('/v2/api_keys', { name: 'deploy' });
      assert.equal(apiKey.statusCode, 201);
      assert.match(apiKey.json().secret, /^cnx_live_/);
      const apiKeyAgain = await postTo('/v2/api_keys', { name: 'deploy' });
      assert.equal(apiKeyAgain.statusCode, 201);
      assert.deepEqual(apiKeyAgain.json(), { key: apiKey.json().key, secret: null });
      const stored = await t.testDb.database.db.selectFrom('idempotency_keys').select('response_body').execute();
      assert.doesNotMatch(JSON.stringify(stored), new RegExp(apiKey.json().secret), 'the secret is never stored');
      const named = (await t.request(key, { method: 'GET', url: '/v2/api_keys?limit=100' })).json().data.filter((k: { name: string }) => k.name === 'deploy');
      assert.equal(named.length, 1);
    });

    test('keys are per account, expire after 24 hours, and must be printable', async () => {
      const other = await t.newCaller();
      const body = instanceInput({ name: 'idem-7' });
      const mine = await post('shared', body);
      const theirs = await post('shared', body, other.key);
      assert.equal(theirs.statusCode, 201);
      assert.notEqual(theirs.json().id, mine.json().id);

      t.clock.advance(24 * 60 * 60 * 1000 + 1);
      const afterExpiry = await post('shared', instanceInput({ name: 'idem-7b' }));
      assert.equal(afterExpiry.statusCode, 201, 'an expired key is a new key');

      assert.deepEqual(fields(assertError(await post('bad key', instanceInput()), 400)), ['Idempotency-Key']);
      assert.deepEqual(fields(assertError(await post('x'.repeat(256), instanceInput()), 400)), ['Idempotency-Key']);
    });
  });
}
