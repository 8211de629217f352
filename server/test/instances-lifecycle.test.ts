import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, getInstance, waitForAction, waitForGone, waitForStatus } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`instance lifecycle (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const put = (id: string, operation: string, payload?: object) =>
      t.request(key, { method: 'PUT', url: `/v2/instances/${id}/${operation}`, ...(payload ? { payload } : {}) });

    test('create: 201 in provisioning with a Location, then running with an address', async () => {
      const response = await t.request(key, {
        method: 'POST',
        url: '/v2/instances',
        payload: { name: 'prod-api-01', region: 'us-east-1', plan: 'standard-4', image: 'ubuntu-24-04', labels: { env: 'prod' } },
      });
      assert.equal(response.statusCode, 201);
      const created = response.json();
      assert.match(created.id, /^inst_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, `/v2/instances/${created.id}`);
      assert.deepEqual(
        [created.status, created.ipv4, created.cpu, created.memory_gb, created.plan, created.image, created.labels],
        ['provisioning', null, 4, 16, 'standard-4', 'ubuntu-24-04', { env: 'prod' }],
      );
      assert.match(created.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const running = await waitForStatus(t, key, created.id, 'running');
      assert.match(running.ipv4 as string, /^10\.\d+\.\d+\.\d+$/);
      const actions = (await t.request(key, { method: 'GET', url: `/v2/instances/${created.id}/actions` })).json().data;
      assert.deepEqual(actions.map((a: { type: string; status: string }) => [a.type, a.status]), [['create', 'completed']]);
    });

    test('restart answers exactly the documented body, then goes rebooting → running', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      const response = await put(id, 'restart');
      assert.equal(response.statusCode, 202);
      const body = response.json();
      assert.deepEqual(Object.keys(body).sort(), ['action_id', 'id', 'message', 'status']);
      assert.deepEqual([body.id, body.status, body.message], [id, 'rebooting', 'Restart initiated successfully']);
      assert.equal(response.headers.location, `/v2/actions/${body.action_id}`);
      assert.equal((await getInstance(t, key, id)).json().status, 'rebooting');
      const action = await waitForAction(t, key, body.action_id, 'completed');
      assert.equal(action.type, 'restart');
      assert.ok(action.completed_at);
      assert.equal((await getInstance(t, key, id)).json().status, 'running');
    });

    test('stop, start and resize move through their states; illegal ones are 409', async () => {
      const { id } = await createInstance(t, key, { plan: 'micro' });
      assertError(await put(id, 'restart'), 409); // still provisioning: busy
      await waitForStatus(t, key, id, 'running');
      assertError(await put(id, 'start'), 409);

      assert.equal((await put(id, 'stop')).statusCode, 202);
      assertError(await put(id, 'stop'), 409); // busy with the stop
      await waitForStatus(t, key, id, 'stopped');
      assertError(await put(id, 'stop'), 409, 'already_in_state');
      assertError(await put(id, 'restart'), 409);

      const resized = await put(id, 'resize', { plan: 'standard-2' });
      assert.equal(resized.statusCode, 202);
      assert.equal(resized.json().status, 'resizing');
      const afterResize = await waitForStatus(t, key, id, 'stopped');
      assert.deepEqual([afterResize.plan, afterResize.cpu, afterResize.memory_gb], ['standard-2', 2, 8]);

      assert.equal((await put(id, 'start')).statusCode, 202);
      await waitForStatus(t, key, id, 'running');
      assertError(await put(id, 'start'), 409, 'already_in_state');

      assert.equal((await put(id, 'resize', { plan: 'standard-4' })).statusCode, 202);
      const running = await waitForStatus(t, key, id, 'running');
      assert.deepEqual([running.plan, running.cpu, running.memory_gb], ['standard-4', 4, 16]);
      assertError(await put(id, 'resize', { plan: 'standard-4' }), 409);
      assert.deepEqual(fields(assertError(await put(id, 'resize', { plan: 'quantum-9' }), 422)), ['plan']);
      assert.deepEqual(fields(assertError(await put(id, 'resize', {}), 400)), ['plan']);
    });

    test('delete: 202 and deleting, then gone; a second delete is 409', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      const response = await t.request(key, { method: 'DELETE', url: `/v2/instances/${id}` });
      assert.equal(response.statusCode, 202);
      assert.equal(response.json().status, 'deleting');
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/instances/${id}` }), 409);
      await waitForGone(t, key, id);
      assertError(await getInstance(t, key, id), 404);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/instances/${id}` }), 404);
      const action = await waitForAction(t, key, response.json().action_id, 'completed');
      assert.equal(action.type, 'delete');
    });

    test('a transient driver failure is retried and the action completes', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      t.driver.faults.failNext('stop', 1);
      const action = await waitForAction(t, key, (await put(id, 'stop')).json().action_id, 'completed');
      assert.equal(action.error, null);
      assert.equal((await getInstance(t, key, id)).json().status, 'stopped');
    });

    test('a failing restart errors its action and leaves the instance running', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      t.driver.faults.failNext('reboot', 3);
      const action = await waitForAction(t, key, (await put(id, 'restart')).json().action_id, 'errored');
      assert.match(action.error as string, /simulated reboot failure/);
      const instance = await waitForStatus(t, key, id, 'running');
      assert.equal(instance.status, 'running');
      assert.equal((await put(id, 'restart')).statusCode, 202, 'the instance is usable again');
    });

    test('a failing resize keeps the old plan and status', async () => {
      const { id } = await createInstance(t, key, { plan: 'micro' });
      await waitForStatus(t, key, id, 'running');
      t.driver.faults.failNext('resize', 3);
      await waitForAction(t, key, (await put(id, 'resize', { plan: 'standard-2' })).json().action_id, 'errored');
      const instance = await waitForStatus(t, key, id, 'running');
      assert.deepEqual([instance.plan, instance.cpu], ['micro', 1]);
    });

    test('a create that keeps failing errors its action and removes the instance', async () => {
      t.driver.faults.failNext('create', 3);
      const created = await createInstance(t, key);
      const actions = await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${created.id}` });
      const action = await waitForAction(t, key, actions.json().data[0].id, 'errored');
      assert.match(action.error as string, /simulated create failure/);
      await waitForGone(t, key, created.id);
    });

    test('metrics: a time series per metric type, bounded', async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      const cpu = await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics?type=cpu` });
      assert.equal(cpu.statusCode, 200);
      const body = cpu.json();
      assert.deepEqual([body.instance_id, body.type, body.step], [id, 'cpu', 60]);
      assert.equal(body.series[0].unit, 'percent');
      assert.ok(body.series[0].points.length >= 59 && body.series[0].points.length <= 61);
      const network = (await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics?type=network&step=300` })).json();
      assert.deepEqual(network.series.map((s: { name: string }) => s.name), ['network_in', 'network_out']);
      // The machine was born moments ago, so look at the driver's series just after its birth.
      const now = Math.floor(Date.now() / 1000);
      const [memory] = await t.driver.metrics(id, { type: 'memory', start: now + 10, end: now + 600, step: 10 });
      assert.equal(memory?.unit, 'gigabytes');
      for (const [, value] of memory?.points ?? []) assert.ok(value > 0 && value <= 1, `memory in use is within the plan's 1 GB: ${value}`);
      const [cpuAgain] = await t.driver.metrics(id, { type: 'cpu', start: now + 10, end: now + 600, step: 10 });
      const [cpuOnce] = await t.driver.metrics(id, { type: 'cpu', start: now + 10, end: now + 600, step: 10 });
      assert.deepEqual(cpuAgain, cpuOnce, 'the same query gives the same series');
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics?type=disk` }), 400)), ['type']);
      assertError(await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics` }), 400);
      const tooMany = await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics?type=cpu&step=10&start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z` });
      assert.deepEqual(fields(assertError(tooMany, 422)), ['step']);
      const backwards = await t.request(key, { method: 'GET', url: `/v2/instances/${id}/metrics?type=cpu&start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z` });
      assert.deepEqual(fields(assertError(backwards, 422)), ['start']);
    });
  });
}
