import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, instanceInput } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`instance create validation, quotas and regions (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    const post = (as: string, payload: object) => t.request(as, { method: 'POST', url: '/v2/instances', payload });

    test('malformed input is 400 naming each field', async () => {
      const cases: [object, string[]][] = [
        [{}, ['image', 'name', 'plan', 'region']],
        [instanceInput({ name: 'bad_name!' }), ['name']],
        [instanceInput({ name: '-leading' }), ['name']],
        [instanceInput({ name: 'x'.repeat(64) }), ['name']],
        [instanceInput({ user_data: 'not base64!' }), ['user_data']],
        [instanceInput({ ssh_keys: 'ssh_1' }), ['ssh_keys']],
        [instanceInput({ ssh_keys: ['ssh_1', 7] }), ['ssh_keys[1]']],
        [instanceInput({ labels: { env: 5 } }), ['labels.env']],
        [instanceInput({ cpu: 64 }), ['cpu']],
        [instanceInput({ labels: { '-bad-': 'x' } }), ['labels.-bad-']],
      ];
      for (const [payload, expected] of cases) {
        assert.deepEqual(fields(assertError(await post(key, payload), 400)), expected, JSON.stringify(payload));
      }
    });

    test('unknown catalog entries and SSH keys are 422 naming each field', async () => {
      const body = assertError(await post(key, instanceInput({ region: 'mars-1', plan: 'huge', image: 'beos-5', ssh_keys: ['ssh_0000000000000000'] })), 422, 'validation_failed');
      assert.deepEqual(fields(body), ['image', 'plan', 'region', 'ssh_keys[0]']);
      assert.deepEqual(body.error.details.find((d) => d.field === 'region'), { field: 'region', message: 'Invalid region identifier' });
      assert.deepEqual(fields(assertError(await post(key, instanceInput({ region: 'eu-east-3' })), 422)), ['region'], 'an unavailable region');
    });

    test('user_data: 64 KiB decoded is accepted, more is 422', async () => {
      const fits = Buffer.alloc(64 * 1024, 'a').toString('base64');
      assert.equal((await post(key, instanceInput({ user_data: fits }))).statusCode, 201);
      const tooBig = Buffer.alloc(64 * 1024 + 1, 'a').toString('base64');
      assert.deepEqual(fields(assertError(await post(key, instanceInput({ user_data: tooBig })), 422)), ['user_data']);
    });

    test('names are unique per account and region', async () => {
      await createInstance(t, key, { name: 'dup', region: 'eu-west-1' });
      const body = assertError(await post(key, instanceInput({ name: 'dup', region: 'eu-west-1' })), 409);
      assert.deepEqual(fields(body), ['name']);
      assert.equal((await post(key, instanceInput({ name: 'dup', region: 'eu-west-2' }))).statusCode, 201);
      const other = await t.newCaller();
      assert.equal((await post(other.key, instanceInput({ name: 'dup', region: 'eu-west-1' }))).statusCode, 201);
    });

    test('concurrent creates of one name: exactly one wins, the rest are 409', async () => {
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(key, instanceInput({ name: 'race', region: 'ap-south-1' }))));
      assert.deepEqual(responses.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409]);
    });

    test('quotas: instance count and vCPUs, with the quota named', async () => {
      // A custom rate limit keeps the create budget (a tenth of it) out of the way.
      const freeAccount = await t.createAccount('free', 600);
      const free = { account: freeAccount, key: await t.createKey(freeAccount.id) };
      const tooBig = assertError(await post(free.key, instanceInput({ plan: 'standard-16' })), 422);
      assert.deepEqual(fields(tooBig), ['quota']);
      assert.match(tooBig.error.details[0]?.message as string, /vCPU quota exceeded: 0 of 10 in use, 16 more requested/);
      for (let i = 0; i < 5; i++) assert.equal((await post(free.key, instanceInput())).statusCode, 201);
      const sixth = assertError(await post(free.key, instanceInput()), 422);
      assert.match(sixth.error.details[0]?.message as string, /Instance quota exceeded: 5 of 5 in use/);
      const account = (await t.request(free.key, { method: 'GET', url: '/v2/account' })).json();
      assert.deepEqual(account.quotas, {
        instances: { limit: 5, used: 5 },
        vcpus: { limit: 10, used: 5 },
        volumes: { limit: 5, used: 0 },
        volume_gb: { limit: 100, used: 0 },
        vpcs: { limit: 2, used: 0 },
        networks: { limit: 5, used: 0 },
        firewalls: { limit: 5, used: 0 },
        load_balancers: { limit: 1, used: 0 },
        reserved_ips: { limit: 2, used: 0 },
        databases: { limit: 2, used: 0 },
        functions: { limit: 10, used: 0 },
        function_concurrency: { limit: 5, used: 0 },
      });
      assert.deepEqual([account.tier, account.rate_limit, account.id], ['free', 600, free.account.id]);
    });

    test('a region-restricted key creates, reads and lists only in its regions', async () => {
      const outside = await createInstance(t, key, { region: 'us-west-2' });
      const limited = await t.createKey((await t.request(key, { method: 'GET', url: '/v2/account' })).json().id, { regions: ['eu-central-1'] });
      assertError(await post(limited, instanceInput({ region: 'us-west-2' })), 403);
      const inside = await post(limited, instanceInput({ region: 'eu-central-1' }));
      assert.equal(inside.statusCode, 201);
      assertError(await t.request(limited, { method: 'GET', url: `/v2/instances/${outside.id}` }), 403);
      assertError(await t.request(limited, { method: 'PUT', url: `/v2/instances/${outside.id}/stop` }), 403);
      assertError(await t.request(limited, { method: 'GET', url: '/v2/instances?region=us-west-2' }), 403);
      const listed = (await t.request(limited, { method: 'GET', url: '/v2/instances?limit=100' })).json().data as { region: string }[];
      assert.ok(listed.length > 0 && listed.every((i) => i.region === 'eu-central-1'));
    });

    test('creating needs instances:write; reading needs instances:read', async () => {
      const account = (await t.request(key, { method: 'GET', url: '/v2/account' })).json().id;
      const reader = await t.createKey(account, { scopes: ['instances:read'] });
      assertError(await post(reader, instanceInput()), 403);
      assert.equal((await t.request(reader, { method: 'GET', url: '/v2/instances' })).statusCode, 200);
      assertError(await t.request(reader, { method: 'GET', url: '/v2/account' }), 403);
      assertError(await post('cnx_live_nope', instanceInput()), 401);
    });
  });
}
