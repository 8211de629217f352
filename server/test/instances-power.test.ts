// Graceful shutdown and power cycle, beside stop/start: the states they move through, the 409s
// the lifecycle table gives, their events, and a driver failure putting the instance back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, getInstance, waitForAction, waitForStatus } from './helpers/instances.js';

for (const kind of DATABASE_KINDS) {
  describe(`instance power operations (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const put = (id: string, operation: string) => t.request(key, { method: 'PUT', url: `/v2/instances/${id}/${operation}` });
    const running = async () => {
      const { id } = await createInstance(t, key);
      await waitForStatus(t, key, id, 'running');
      return id;
    };
    const eventTypes = async (id: string) =>
      ((await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${id}&limit=100` })).json().data as { type: string; data: Record<string, unknown> }[]).reverse();

    test('shutdown keeps running until the machine is off, then stopped; a stopped one is already_in_state', async () => {
      const id = await running();
      const response = await put(id, 'shutdown');
      assert.equal(response.statusCode, 202);
      const body = response.json();
      assert.deepEqual([body.id, body.status, body.message], [id, 'running', 'Shutdown initiated successfully']);
      assertError(await put(id, 'shutdown'), 409, 'resource_busy');
      const action = await waitForAction(t, key, body.action_id, 'completed');
      assert.equal(action.type, 'shutdown');
      assert.equal((await waitForStatus(t, key, id, 'stopped')).status, 'stopped');
      assertError(await put(id, 'shutdown'), 409, 'already_in_state');
      assertError(await put(id, 'power_cycle'), 409, 'invalid_state');

      const events = await eventTypes(id);
      const requested = events.find((e) => e.type === 'instance.shutdown_requested');
      assert.equal(requested?.data.action_id, body.action_id);
      const changed = events.filter((e) => e.type === 'instance.status_changed').map((e) => [e.data.previous_status, e.data.status]);
      assert.deepEqual(changed.at(-1), ['running', 'stopped']);
      assert.equal((await put(id, 'start')).statusCode, 202, 'a shut down instance starts again');
      await waitForStatus(t, key, id, 'running');
    });

    test('power_cycle shows rebooting, ends running, and records the round trip', async () => {
      const id = await running();
      const response = await put(id, 'power_cycle');
      assert.equal(response.statusCode, 202);
      assert.deepEqual([response.json().status, response.json().message], ['rebooting', 'Power cycle initiated successfully']);
      assert.equal((await getInstance(t, key, id)).json().status, 'rebooting');
      const action = await waitForAction(t, key, response.json().action_id, 'completed');
      assert.equal(action.type, 'power_cycle');
      await waitForStatus(t, key, id, 'running');
      const events = await eventTypes(id);
      assert.ok(events.some((e) => e.type === 'instance.power_cycle_requested'));
      const changed = events.filter((e) => e.type === 'instance.status_changed').map((e) => [e.data.previous_status, e.data.status]);
      assert.deepEqual(changed.slice(-2), [['running', 'rebooting'], ['rebooting', 'running']]);
    });

    test('a shutdown the driver keeps failing errors its action and leaves the instance running', async () => {
      const id = await running();
      t.driver.faults.failNext('shutdown', 3);
      const action = await waitForAction(t, key, (await put(id, 'shutdown')).json().action_id, 'errored');
      assert.match(action.error as string, /simulated shutdown failure/);
      assert.equal((await waitForStatus(t, key, id, 'running')).status, 'running');
    });

    test('a power cycle whose power-on fails goes back to running, and the machine may be started', async () => {
      const id = await running();
      t.driver.faults.failNext('start', 3);
      await waitForAction(t, key, (await put(id, 'power_cycle')).json().action_id, 'errored');
      assert.equal((await waitForStatus(t, key, id, 'running')).status, 'running');
    });

    test('another account cannot power its neighbours, and an unknown id is 404', async () => {
      const id = await running();
      const other = await t.newCaller();
      assertError(await t.request(other.key, { method: 'PUT', url: `/v2/instances/${id}/shutdown` }), 404, 'not_found');
      assertError(await put('inst_0000000000000000', 'power_cycle'), 404, 'not_found');
    });
  });
}
