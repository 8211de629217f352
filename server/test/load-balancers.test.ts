import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, waitFor, waitForAction, waitForResource, waitForStatus, type InstanceBody } from './helpers/instances.js';

interface Balancer {
  id: string;
  status: string;
  ip: string | null;
  vpc_id: string;
  region: string;
  forwarding_rules: { entry_port: number }[];
  health_check: { protocol: string; port: number; interval_seconds: number };
}

for (const kind of DATABASE_KINDS) {
  describe(`load balancers (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let web: InstanceBody;
    let vpcId: string;
    let elsewhere: InstanceBody;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true }));
      web = await waitForStatus(t, key, (await createInstance(t, key, { region: 'eu-west-1', labels: { role: 'web' } })).id, 'running');
      elsewhere = await createInstance(t, key, { region: 'us-east-1' });
      vpcId = (await t.request(key, { method: 'GET', url: `/v2/networks/${web.network_id}` })).json().vpc_id;
    });
    after(() => t.close());

    let counter = 0;
    const body = (overrides: object = {}) => ({
      name: `lb-${++counter}`,
      vpc_id: vpcId,
      forwarding_rules: [{ entry_protocol: 'https', entry_port: 443, target_protocol: 'http', target_port: 8080 }],
      targets: { label_selector: 'role=web' },
      ...overrides,
    });
    const post = (payload: object) => t.request(key, { method: 'POST', url: '/v2/load_balancers', payload });
    const waitActive = (id: string) => waitForResource<Balancer & { status: string }>(t, key, `/v2/load_balancers/${id}`, 'active');

    test('create: provisioning, then active with an address; defaults filled in', async () => {
      const response = await post(body({ labels: { tier: 'edge' } }));
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json() as Balancer;
      assert.match(created.id, /^lb_/);
      assert.deepEqual([created.status, created.ip, created.region, created.vpc_id], ['provisioning', null, 'eu-west-1', vpcId]);
      assert.deepEqual(created.health_check, { interval_seconds: 10, timeout_seconds: 5, healthy_threshold: 3, unhealthy_threshold: 3, protocol: 'tcp', port: 8080 });
      const active = await waitActive(created.id);
      assert.match(active.ip as string, /^203\.0\.113\.\d+$/);
      const listed = (await t.request(key, { method: 'GET', url: `/v2/load_balancers?vpc_id=${vpcId}&label_selector=tier%3Dedge` })).json().data;
      assert.deepEqual(listed.map((b: Balancer) => b.id), [created.id]);
    });

    test('validation: 400 for malformed input, 422 for other VPCs and clashing ports', async () => {
      assert.deepEqual(fields(assertError(await post(body({ forwarding_rules: [] })), 400)), ['forwarding_rules']);
      assert.deepEqual(fields(assertError(await post(body({ algorithm: 'random' })), 400)), ['algorithm']);
      assert.deepEqual(fields(assertError(await post(body({ forwarding_rules: [{ entry_protocol: 'udp', entry_port: 53, target_protocol: 'tcp', target_port: 53 }] })), 400)), ['forwarding_rules[0].entry_protocol']);
      assert.deepEqual(fields(assertError(await post(body({ targets: {} })), 400)), ['targets']);
      const twice = [
        { entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 80 },
        { entry_protocol: 'tcp', entry_port: 80, target_protocol: 'tcp', target_port: 81 },
      ];
      assert.deepEqual(fields(assertError(await post(body({ forwarding_rules: twice })), 422)), ['forwarding_rules[1].entry_port']);
      assert.deepEqual(fields(assertError(await post(body({ targets: { instance_ids: [elsewhere.id] } })), 422)), ['targets.instance_ids[0]']);
      assert.deepEqual(fields(assertError(await post(body({ vpc_id: 'vpc_0000000000000000' })), 422)), ['vpc_id']);
    });

    test('update goes through an action, one at a time; delete ends it', async () => {
      // The create is held, so the balancer is still provisioning however slow the machine is.
      const release = t.network.faults.hold('create_load_balancer');
      const created = (await post(body())).json() as Balancer;
      assertError(await t.request(key, { method: 'PUT', url: `/v2/load_balancers/${created.id}`, payload: body() }), 400);
      const busy = await t.request(key, { method: 'PUT', url: `/v2/load_balancers/${created.id}`, payload: { forwarding_rules: [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 80 }], targets: { instance_ids: [web.id] } } });
      assertError(busy, 409, 'resource_busy'); // still provisioning
      release();
      await waitActive(created.id);
      const update = { forwarding_rules: [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 80 }], targets: { instance_ids: [web.id] }, algorithm: 'least_connections' };
      const accepted = await t.request(key, { method: 'PUT', url: `/v2/load_balancers/${created.id}`, payload: update });
      assert.equal(accepted.statusCode, 202, accepted.body);
      assertError(await t.request(key, { method: 'PUT', url: `/v2/load_balancers/${created.id}`, payload: update }), 409);
      await waitForAction(t, key, accepted.json().action_id, 'completed');
      const updated = (await t.request(key, { method: 'GET', url: `/v2/load_balancers/${created.id}` })).json();
      assert.deepEqual([updated.algorithm, updated.forwarding_rules[0].entry_port, updated.targets], ['least_connections', 80, { instance_ids: [web.id] }]);

      const deleted = await t.request(key, { method: 'DELETE', url: `/v2/load_balancers/${created.id}` });
      assert.equal(deleted.statusCode, 202);
      assert.equal(deleted.json().status, 'deleting');
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/load_balancers/${created.id}` }), (r) => r.statusCode === 404, 'the balancer to go');
    });

    test('a create that keeps failing errors its action and removes the balancer', async () => {
      t.network.faults.failNext('create_load_balancer', 3);
      const created = (await post(body())).json() as Balancer;
      const action = (await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${created.id}` })).json().data[0];
      const errored = await waitForAction(t, key, action.id, 'errored');
      assert.match(errored.error as string, /simulated create load balancer failure/);
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/load_balancers/${created.id}` }), (r) => r.statusCode === 404, 'the balancer to go');
    });

    test('another account gets 404 on every load balancer route', async () => {
      const created = (await post(body())).json() as Balancer;
      const other = await t.newCaller();
      for (const [method, url, payload] of [
        ['GET', `/v2/load_balancers/${created.id}`],
        ['PUT', `/v2/load_balancers/${created.id}`, { forwarding_rules: body().forwarding_rules, targets: { label_selector: 'a' } }],
        ['DELETE', `/v2/load_balancers/${created.id}`],
      ] as [string, string, object?][]) {
        assertError(await t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) }), 404);
      }
      assert.equal((await t.request(other.key, { method: 'GET', url: '/v2/load_balancers' })).json().data.length, 0);
      assert.deepEqual(fields(assertError(await t.request(other.key, { method: 'POST', url: '/v2/load_balancers', payload: body() }), 422)), ['vpc_id']);
    });
  });
}
