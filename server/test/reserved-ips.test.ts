import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { createDrivers } from '../src/drivers/factory.js';
import type { SimNetworkDriver } from '../src/drivers/sim/sim-network-driver.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, getInstance, waitFor, waitForAction, waitForGone, waitForResource, waitForStatus } from './helpers/instances.js';

interface ReservedIpBody {
  id: string;
  ip: string;
  region: string;
  instance_id: string | null;
  status: string;
  labels: Record<string, string>;
  created_at: string;
}

// 14 addresses: 192.0.2.1 to 192.0.2.14 (the network and broadcast addresses are never handed out).
const POOL = '192.0.2.0/28';

for (const kind of DATABASE_KINDS) {
  describe(`reserved IPs (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { env: { CLOUDNEXUS_PUBLIC_IP_POOL: POOL } })));
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, as = key) => t.request(as, { method, url, ...(payload ? { payload } : {}) });
    const reserve = async (region = 'eu-west-1', as = key): Promise<ReservedIpBody> => {
      const response = await call('POST', '/v2/reserved_ips', { region }, as);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };
    const waitIp = (id: string, status: string) => waitForResource<ReservedIpBody>(t, key, `/v2/reserved_ips/${id}`, status);
    const running = async (region = 'eu-west-1') => waitForStatus(t, key, (await createInstance(t, key, { region })).id, 'running');
    /** The event types of one resource, oldest first. */
    const eventTypes = async (id: string) => ((await call('GET', `/v2/events?resource_id=${id}&limit=100`)).json().data as { type: string }[]).map((e) => e.type).reverse();
    const release = async (id: string) => assert.equal((await call('DELETE', `/v2/reserved_ips/${id}`)).statusCode, 204);

    test('create, get, list, label and delete; the address comes from the pool', async () => {
      const response = await call('POST', '/v2/reserved_ips', { region: 'eu-west-1', labels: { team: 'edge' } });
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json() as ReservedIpBody;
      assert.match(created.id, /^rip_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, `/v2/reserved_ips/${created.id}`);
      assert.match(created.ip, /^192\.0\.2\.([1-9]|1[0-4])$/);
      assert.deepEqual([created.region, created.instance_id, created.status, created.labels], ['eu-west-1', null, 'unassigned', { team: 'edge' }]);
      assert.deepEqual((await call('GET', `/v2/reserved_ips/${created.id}`)).json(), created);
      assert.ok((await call('GET', '/v2/reserved_ips?region=eu-west-1')).json().data.some((r: ReservedIpBody) => r.id === created.id));
      assert.deepEqual((await call('GET', '/v2/reserved_ips?label_selector=team%3Dcore')).json().data, []);

      const patched = await call('PATCH', `/v2/reserved_ips/${created.id}`, { labels: { team: null, tier: 'a' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(patched.json().labels, { tier: 'a' });
      assertError(await call('PATCH', `/v2/reserved_ips/${created.id}`, { ip: '192.0.2.9' }), 400, 'invalid_request');

      await release(created.id);
      assertError(await call('GET', `/v2/reserved_ips/${created.id}`), 404, 'not_found');
    });

    test('validation: 400 for malformed input, 422 for an unknown region, 404 for another account', async () => {
      assert.deepEqual(fields(assertError(await call('POST', '/v2/reserved_ips', {}), 400)), ['region']);
      assertError(await call('POST', '/v2/reserved_ips', { region: 'eu-west-1', ip: '192.0.2.1' }), 400, 'invalid_request');
      assert.deepEqual(fields(assertError(await call('POST', '/v2/reserved_ips', { region: 'mars-1' }), 422, 'validation_failed')), ['region']);
      const mine = await reserve();
      const other = await t.newCaller();
      assertError(await call('GET', `/v2/reserved_ips/${mine.id}`, undefined, other.key), 404, 'not_found');
      assertError(await call('DELETE', `/v2/reserved_ips/${mine.id}`, undefined, other.key), 404, 'not_found');
      assert.deepEqual((await call('GET', '/v2/reserved_ips', undefined, other.key)).json().data, []);
      await release(mine.id);
    });

    test('assign, move and unassign, with the region and one-address-per-instance rules', async () => {
      const [first, second, elsewhere] = [await running(), await running(), await running('us-east-1')];
      const rip = await reserve();
      assert.equal((await getInstance(t, key, first.id)).json().public_ipv4, null);

      assert.deepEqual(fields(assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: elsewhere.id }), 422, 'validation_failed')), ['instance_id']);
      assert.deepEqual(fields(assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: 'inst_0000000000000000' }), 422)), ['instance_id']);
      assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/unassign`), 409, 'already_in_state');

      const assign = await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: first.id });
      assert.equal(assign.statusCode, 202, assign.body);
      assert.equal(assign.headers.location, `/v2/actions/${assign.json().action_id}`);
      assert.equal((await waitIp(rip.id, 'assigned')).instance_id, first.id);
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), first.id);
      // The drivers a restarted server builds over the same database still route it.
      const restarted = await createDrivers(loadConfig({ CLOUDNEXUS_DATA_DIR: t.testDb.dataDir }, {}), t.testDb.database, t.clock.now);
      assert.equal(await (restarted.network as SimNetworkDriver).publicRoutes.routeOf(rip.ip), first.id);
      assert.equal((await getInstance(t, key, first.id)).json().public_ipv4, rip.ip);
      const listed = (await call('GET', '/v2/instances?region=eu-west-1')).json().data.find((i: { id: string }) => i.id === first.id);
      assert.equal(listed.public_ipv4, rip.ip);
      assert.deepEqual((await call('GET', `/v2/reserved_ips?instance_id=${first.id}`)).json().data.map((r: ReservedIpBody) => r.id), [rip.id]);

      assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: first.id }), 409, 'already_in_state');
      assertError(await call('DELETE', `/v2/reserved_ips/${rip.id}`), 409, 'has_dependents');
      const another = await reserve();
      assertError(await call('PUT', `/v2/reserved_ips/${another.id}/assign`, { instance_id: first.id }), 409, 'public_ip_taken');
      assert.equal((await call('GET', `/v2/reserved_ips/${another.id}`)).json().instance_id, null);

      // Assigning again moves the address.
      assert.equal((await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: second.id })).statusCode, 202);
      await waitFor(() => call('GET', `/v2/reserved_ips/${rip.id}`).then((r) => r.json() as ReservedIpBody), (r) => r.instance_id === second.id, 'the move');
      await waitIp(rip.id, 'assigned');
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), second.id);
      assert.equal((await getInstance(t, key, first.id)).json().public_ipv4, null);
      assert.equal((await getInstance(t, key, second.id)).json().public_ipv4, rip.ip);

      assert.equal((await call('PUT', `/v2/reserved_ips/${rip.id}/unassign`)).statusCode, 202);
      assert.equal((await waitIp(rip.id, 'unassigned')).instance_id, null);
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), undefined);
      assert.equal((await getInstance(t, key, second.id)).json().public_ipv4, null);
      await release(rip.id);
      await release(another.id);
    });

    test('a failed assign leaves the address where it was', async () => {
      const [first, second] = [await running(), await running()];
      const rip = await reserve();
      await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: first.id });
      await waitIp(rip.id, 'assigned');
      t.network.faults.failNext('assign_public_ip', 3);
      const accepted = (await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: second.id })).json();
      // Retries back off on the (frozen) clock: move it on until the action gives up.
      await waitFor(async () => { t.clock.advance(5_000); return (await call('GET', `/v2/actions/${accepted.action_id}`)).json(); }, (a) => a.status === 'errored', 'the assign to fail');
      const back = await waitIp(rip.id, 'assigned');
      assert.equal(back.instance_id, first.id);
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), first.id);
    });

    test('deleting an instance unassigns its address, which the account keeps', async () => {
      const instance = await running();
      const rip = await reserve();
      await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: instance.id });
      await waitIp(rip.id, 'assigned');
      assert.equal((await call('DELETE', `/v2/instances/${instance.id}`)).statusCode, 202);
      await waitForGone(t, key, instance.id);
      const kept = (await call('GET', `/v2/reserved_ips/${rip.id}`)).json() as ReservedIpBody;
      assert.deepEqual([kept.status, kept.instance_id], ['unassigned', null]);
      assert.deepEqual((await eventTypes(rip.id)).slice(-2), ['reserved_ip.unassigned', 'reserved_ip.status_changed']);
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), undefined);
      await release(rip.id);
    });

    test('an instance being deleted cannot be given an address', async () => {
      const instance = await running();
      const rip = await reserve();
      const resume = t.driver.faults.hold('destroy');
      assert.equal((await call('DELETE', `/v2/instances/${instance.id}`)).statusCode, 202);
      assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: instance.id }), 409, 'invalid_state');
      assert.deepEqual([(await call('GET', `/v2/reserved_ips/${rip.id}`)).json().instance_id, await t.network.publicRoutes.routeOf(rip.ip)], [null, undefined]);
      resume();
      await waitForGone(t, key, instance.id);
      await release(rip.id);
    });

    test('an assign racing the delete of its instance never points the address at the deleted instance', async () => {
      const instance = await running();
      const rip = await reserve();
      const resume = t.network.faults.hold('assign_public_ip');
      const assign = await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: instance.id });
      assert.equal(assign.statusCode, 202, assign.body);
      await waitFor(async () => t.network.faults.waiting('assign_public_ip'), (waiting) => waiting, 'the assign to be mid-flight');
      // The instance is deleted while the route is being made.
      assert.equal((await call('DELETE', `/v2/instances/${instance.id}`)).statusCode, 202);
      await waitForGone(t, key, instance.id);
      resume();
      await waitForAction(t, key, assign.json().action_id, 'completed');
      const after = (await call('GET', `/v2/reserved_ips/${rip.id}`)).json() as ReservedIpBody;
      assert.deepEqual([after.status, after.instance_id], ['unassigned', null]);
      assert.equal(await t.network.publicRoutes.routeOf(rip.ip), undefined, 'no route is left to the deleted instance');
      assertError(await call('PUT', `/v2/reserved_ips/${rip.id}/assign`, { instance_id: instance.id }), 422, 'validation_failed');
      await release(rip.id);
    });

    test('public_ip: true reserves and routes an address at create, released with the instance', async () => {
      const response = await call('POST', '/v2/instances', { name: 'rip-at-create', region: 'eu-west-1', plan: 'micro', image: 'debian-12', public_ip: true });
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json();
      assert.match(created.public_ipv4, /^192\.0\.2\./);
      await waitForStatus(t, key, created.id, 'running');
      assert.equal(await t.network.publicRoutes.routeOf(created.public_ipv4), created.id);
      const [rip] = (await call('GET', `/v2/reserved_ips?instance_id=${created.id}`)).json().data as ReservedIpBody[];
      assert.deepEqual([rip?.ip, rip?.status], [created.public_ipv4, 'assigned']);
      assertError(await call('POST', '/v2/instances', { name: 'x', region: 'eu-west-1', plan: 'micro', image: 'debian-12', public_ip: 'yes' }), 400, 'invalid_request');

      assert.equal((await call('DELETE', `/v2/instances/${created.id}`)).statusCode, 202);
      await waitForGone(t, key, created.id);
      assertError(await call('GET', `/v2/reserved_ips/${rip?.id}`), 404, 'not_found');
      assert.deepEqual((await eventTypes(rip?.id as string)).slice(-2), ['reserved_ip.unassigned', 'reserved_ip.deleted'], 'released like an explicit unassign and delete');
      assert.equal(await t.network.publicRoutes.routeOf(created.public_ipv4), undefined);
    });

    test('an address public_ip: true reserved stays with the account once it moved', async () => {
      const created = (await call('POST', '/v2/instances', { name: 'rip-moved-from', region: 'eu-west-1', plan: 'micro', image: 'debian-12', public_ip: true })).json();
      await waitForStatus(t, key, created.id, 'running');
      const other = await running();
      const [rip] = (await call('GET', `/v2/reserved_ips?instance_id=${created.id}`)).json().data as ReservedIpBody[];
      await call('PUT', `/v2/reserved_ips/${rip?.id}/assign`, { instance_id: other.id });
      await waitFor(() => call('GET', `/v2/reserved_ips/${rip?.id}`).then((r) => r.json() as ReservedIpBody), (r) => r.instance_id === other.id, 'the move');
      await waitIp(rip?.id as string, 'assigned');
      await call('DELETE', `/v2/instances/${other.id}`);
      await waitForGone(t, key, other.id);
      assert.deepEqual((await call('GET', `/v2/reserved_ips/${rip?.id}`)).json().status, 'unassigned');
      await release(rip?.id as string);
    });

    test('concurrent creates in different accounts never share an address', async () => {
      const callers = await Promise.all([t.newCaller(), t.newCaller(), t.newCaller()]);
      const responses = await Promise.all(callers.flatMap((c) => [1, 2, 3].map(() => call('POST', '/v2/reserved_ips', { region: 'eu-west-1' }, c.key))));
      for (const response of responses) assert.equal(response.statusCode, 201, response.body);
      const ips = responses.map((r) => (r.json() as ReservedIpBody).ip);
      assert.equal(new Set(ips).size, ips.length, ips.join(', '));
      for (const [i, response] of responses.entries()) {
        const owner = callers[Math.floor(i / 3)] as { key: string };
        assert.equal((await call('DELETE', `/v2/reserved_ips/${(response.json() as ReservedIpBody).id}`, undefined, owner.key)).statusCode, 204);
      }
    });

    test('the account quota counts reserved IPs', async () => {
      const free = await t.newCaller('free');
      const held = [await reserve('eu-west-1', free.key), await reserve('eu-west-1', free.key)];
      assert.deepEqual((await call('GET', '/v2/account', undefined, free.key)).json().quotas.reserved_ips, { limit: 2, used: 2 });
      assertError(await call('POST', '/v2/reserved_ips', { region: 'eu-west-1' }, free.key), 422, 'quota_exceeded');
      for (const rip of held) assert.equal((await call('DELETE', `/v2/reserved_ips/${rip.id}`, undefined, free.key)).statusCode, 204);
    });
  });

  test(`an exhausted pool is a 422 pool_exhausted, and a released address is handed out again (${kind})`, async () => {
    // A /30 holds two addresses besides its network and broadcast addresses.
    const t = await createTestApp(kind, { env: { CLOUDNEXUS_PUBLIC_IP_POOL: '192.0.2.4/30' } });
    try {
      const { key } = await t.newCaller();
      const post = () => t.request(key, { method: 'POST', url: '/v2/reserved_ips', payload: { region: 'eu-west-1' } });
      const ips = [(await post()).json(), (await post()).json()] as ReservedIpBody[];
      assert.deepEqual(ips.map((r) => r.ip), ['192.0.2.5', '192.0.2.6']);
      assertError(await post(), 422, 'pool_exhausted');
      const instance = { name: 'no-room', region: 'eu-west-1', plan: 'micro', image: 'debian-12', public_ip: true };
      assertError(await t.request(key, { method: 'POST', url: '/v2/instances', payload: instance }), 422, 'pool_exhausted');
      assert.deepEqual((await t.request(key, { method: 'GET', url: '/v2/instances' })).json().data, []);
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/reserved_ips/${ips[0]?.id}` })).statusCode, 204);
      assert.equal((await post()).json().ip, '192.0.2.5');
    } finally {
      await t.close();
    }
  });
}
