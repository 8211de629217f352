import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, instanceInput, waitForGone, waitForStatus } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`VPCs, networks and addresses (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const post = (url: string, payload: object) => t.request(key, { method: 'POST', url, payload });
    const get = (url: string) => t.request(key, { method: 'GET', url });
    const del = (url: string) => t.request(key, { method: 'DELETE', url });
    let counter = 0;
    async function vpc(overrides: object = {}) {
      const response = await post('/v2/vpcs', { name: `vpc-${++counter}`, region: 'eu-west-1', ip_range: `10.${100 + counter}.0.0/16`, ...overrides });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; ip_range: string; region: string };
    }
    async function network(vpcId: string, ipRange: string, overrides: object = {}) {
      const response = await post('/v2/networks', { name: `net-${++counter}`, vpc_id: vpcId, ip_range: ipRange, environment: 'staging', ...overrides });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; ip_range: string; vpc_id: string; environment: string };
    }

    test('VPCs: RFC 1918 ranges from /16 to /24, unique names per region', async () => {
      const created = await post('/v2/vpcs', { name: 'main', region: 'eu-west-1', ip_range: '172.20.0.0/16', description: 'prod', labels: { env: 'prod' } });
      assert.equal(created.statusCode, 201);
      const body = created.json();
      assert.match(body.id, /^vpc_/);
      assert.equal(created.headers.location, `/v2/vpcs/${body.id}`);
      assert.deepEqual([body.ip_range, body.default, body.description, body.labels], ['172.20.0.0/16', false, 'prod', { env: 'prod' }]);
      for (const [range, status] of [['8.8.0.0/16', 422], ['10.0.0.0/8', 422], ['10.0.0.0/25', 422], ['10.0.0.1/16', 422], ['10.0.0.0', 400], ['banana', 400]] as const) {
        assert.deepEqual(fields(assertError(await post('/v2/vpcs', { name: 'x', region: 'eu-west-1', ip_range: range }), status)), ['ip_range'], range);
      }
      assert.deepEqual(fields(assertError(await post('/v2/vpcs', { name: 'main', region: 'eu-west-1', ip_range: '10.9.0.0/16' }), 409)), ['name']);
      assert.deepEqual(fields(assertError(await post('/v2/vpcs', { name: 'x', region: 'mars-1', ip_range: '10.9.0.0/16' }), 422)), ['region']);
      const renamed = await t.request(key, { method: 'PUT', url: `/v2/vpcs/${body.id}`, payload: { name: 'main-2', labels: { env: 'dev' } } });
      assert.deepEqual([renamed.json().name, renamed.json().labels], ['main-2', { env: 'dev' }]);
    });

    test('networks: inside the VPC, no overlaps, filters by vpc_id and environment', async () => {
      const parent = await vpc();
      const base = parent.ip_range.split('.').slice(0, 2).join('.');
      const a = await network(parent.id, `${base}.1.0/24`, { environment: 'production' });
      assert.match(a.id, /^net_/);
      const b = await network(parent.id, `${base}.2.0/24`, { environment: 'staging' });
      const outside = assertError(await post('/v2/networks', { name: 'out', vpc_id: parent.id, ip_range: '192.168.1.0/24', environment: 'staging' }), 422);
      assert.deepEqual(fields(outside), ['ip_range']);
      const overlap = assertError(await post('/v2/networks', { name: 'ovl', vpc_id: parent.id, ip_range: `${base}.1.128/25`, environment: 'staging' }), 422);
      assert.match(overlap.error.details[0]?.message as string, new RegExp(a.id));
      assert.deepEqual(fields(assertError(await post('/v2/networks', { name: 'tiny', vpc_id: parent.id, ip_range: `${base}.9.0/30`, environment: 'staging' }), 422)), ['ip_range']);
      assert.deepEqual(fields(assertError(await post('/v2/networks', { name: 'x', vpc_id: 'vpc_0000000000000000', ip_range: `${base}.3.0/24`, environment: 'staging' }), 422)), ['vpc_id']);
      assert.deepEqual(fields(assertError(await post('/v2/networks', { name: 'x', vpc_id: parent.id, ip_range: `${base}.3.0/24`, environment: 'qa' }), 400)), ['environment']);

      const ids = async (query: string) => ((await get(`/v2/networks?limit=100&${query}`)).json().data as { id: string }[]).map((n) => n.id).sort();
      assert.deepEqual(await ids(`vpc_id=${parent.id}`), [a.id, b.id].sort());
      assert.deepEqual(await ids(`vpc_id=${parent.id}&environment=production`), [a.id]);
      assert.deepEqual(await ids(`vpc_id=${parent.id}&environment=staging`), [b.id]);
      assert.deepEqual(fields(assertError(await get('/v2/networks?environment=qa'), 400)), ['environment']);
    });

    test('instances join the default network of their region, made on first use', async () => {
      const instance = await createInstance(t, key, { region: 'ap-east-2' });
      assert.ok(instance.network_id);
      const network = (await get(`/v2/networks/${instance.network_id}`)).json();
      assert.deepEqual([network.default, network.region, network.environment], [true, 'ap-east-2', 'production']);
      const vpcBody = (await get(`/v2/vpcs/${network.vpc_id}`)).json();
      assert.equal(vpcBody.default, true);
      const running = await waitForStatus(t, key, instance.id, 'running');
      const [prefix] = network.ip_range.split('.0/');
      assert.ok(running.ipv4?.startsWith(prefix.split('.').slice(0, 2).join('.')), `${running.ipv4} is in ${network.ip_range}`);
      const second = await createInstance(t, key, { region: 'ap-east-2' });
      assert.equal(second.network_id, instance.network_id, 'one default network per region');
      const defaults = (await get('/v2/vpcs?region=ap-east-2')).json().data.filter((v: { default: boolean }) => v.default);
      assert.equal(defaults.length, 1);
    });

    test('IPAM: concurrent creates into a small network never share an address; a full one is a clear 422', async () => {
      const parent = await vpc({ region: 'sa-east-1' });
      const base = parent.ip_range.split('.').slice(0, 2).join('.');
      const small = await network(parent.id, `${base}.7.0/29`); // 8 addresses, 5 usable
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => t.request(key, { method: 'POST', url: '/v2/instances', payload: instanceInput({ region: 'sa-east-1', network_id: small.id }) })),
      );
      const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json());
      const refused = responses.filter((r) => r.statusCode !== 201);
      assert.equal(created.length, 5);
      for (const r of refused) assert.match(assertError(r, 422).error.details[0]?.message as string, /no free addresses/);
      const running = await Promise.all(created.map((i) => waitForStatus(t, key, i.id, 'running')));
      const addresses = running.map((i) => i.ipv4);
      assert.equal(new Set(addresses).size, 5, `no duplicates: ${addresses}`);
      assert.deepEqual([...addresses].sort(), [2, 3, 4, 5, 6].map((n) => `${base}.7.${n}`).sort(), 'network, gateway and broadcast are never handed out');

      // Deleting one frees its address for the next instance.
      await t.request(key, { method: 'DELETE', url: `/v2/instances/${created[0].id}` });
      await waitForGone(t, key, created[0].id);
      const again = await t.request(key, { method: 'POST', url: '/v2/instances', payload: instanceInput({ region: 'sa-east-1', network_id: small.id }) });
      assert.equal(again.statusCode, 201, again.body);
      assert.equal((await waitForStatus(t, key, again.json().id, 'running')).ipv4, running[0]?.ipv4);
    });

    test('a network must be in the instance region; deleting with members is 409', async () => {
      const parent = await vpc({ region: 'eu-north-1' });
      const base = parent.ip_range.split('.').slice(0, 2).join('.');
      const net = await network(parent.id, `${base}.1.0/24`);
      assert.deepEqual(fields(assertError(await post('/v2/instances', instanceInput({ region: 'eu-west-1', network_id: net.id })), 422)), ['network_id']);
      assert.deepEqual(fields(assertError(await post('/v2/instances', instanceInput({ region: 'eu-north-1', network_id: 'net_0000000000000000' })), 422)), ['network_id']);
      const member = await createInstance(t, key, { region: 'eu-north-1', network_id: net.id });
      await waitForStatus(t, key, member.id, 'running');
      assertError(await del(`/v2/networks/${net.id}`), 409, 'has_dependents');
      assertError(await del(`/v2/vpcs/${parent.id}`), 409, 'has_dependents');
      await del(`/v2/instances/${member.id}`);
      await waitForGone(t, key, member.id);
      assert.equal((await del(`/v2/networks/${net.id}`)).statusCode, 204);
      assert.equal((await del(`/v2/vpcs/${parent.id}`)).statusCode, 204);
      assertError(await get(`/v2/vpcs/${parent.id}`), 404);
    });

    test('quotas count the VPCs and networks an account makes', async () => {
      const free = await t.createAccount('free', 600);
      const freeKey = await t.createKey(free.id);
      const make = (name: string, range: string) => t.request(freeKey, { method: 'POST', url: '/v2/vpcs', payload: { name, region: 'eu-west-1', ip_range: range } });
      assert.equal((await make('a', '10.1.0.0/16')).statusCode, 201);
      assert.equal((await make('b', '10.2.0.0/16')).statusCode, 201);
      assert.match(assertError(await make('c', '10.3.0.0/16'), 422).error.details[0]?.message as string, /VPC quota exceeded/);
      const account = (await t.request(freeKey, { method: 'GET', url: '/v2/account' })).json();
      assert.deepEqual(account.quotas.vpcs, { limit: 2, used: 2 });
    });

    test("another account gets 404 on every VPC and network route", async () => {
      const parent = await vpc();
      const base = parent.ip_range.split('.').slice(0, 2).join('.');
      const net = await network(parent.id, `${base}.1.0/24`);
      const other = await t.newCaller();
      for (const [method, url, payload] of [
        ['GET', `/v2/vpcs/${parent.id}`],
        ['PUT', `/v2/vpcs/${parent.id}`, { name: 'mine' }],
        ['DELETE', `/v2/vpcs/${parent.id}`],
        ['GET', `/v2/networks/${net.id}`],
        ['DELETE', `/v2/networks/${net.id}`],
      ] as [string, string, object?][]) {
        assertError(await t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) }), 404);
      }
      assert.deepEqual(fields(assertError(await t.request(other.key, { method: 'POST', url: '/v2/networks', payload: { name: 'x', vpc_id: parent.id, ip_range: `${base}.5.0/24`, environment: 'staging' } }), 422)), ['vpc_id']);
      assert.equal((await t.request(other.key, { method: 'GET', url: '/v2/networks' })).json().data.length, 0);
      assert.equal((await t.request(other.key, { method: 'GET', url: '/v2/vpcs' })).json().data.length, 0);
    });
  });
}
