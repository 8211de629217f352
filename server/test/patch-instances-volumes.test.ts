// PATCH /v2/instances/{id} and /v2/volumes/{id}: a JSON merge-patch of name, labels and protection,
// with the create's name rules, an event per change, and nothing written when a patch is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, waitForResource, waitForStatus } from './helpers/instances.js';

let counter = 0;

interface Patched {
  id: string;
  name: string;
  labels: Record<string, string>;
  protection: { delete: boolean; rebuild: boolean };
}

for (const kind of DATABASE_KINDS) {
  describe(`PATCH instances and volumes (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let otherKey: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true }));
      otherKey = (await t.newCaller()).key;
    });
    after(() => t.close());

    const patch = (id: string, payload: unknown, contentType = 'application/json', as = key) =>
      t.request(as, { method: 'PATCH', url: `/v2/${id.startsWith('inst_') ? 'instances' : 'volumes'}/${id}`, payload: JSON.stringify(payload), headers: { 'content-type': contentType } });
    const get = async (id: string) => (await t.request(key, { method: 'GET', url: `/v2/${id.startsWith('inst_') ? 'instances' : 'volumes'}/${id}` })).json() as Patched;

    const newInstance = async (labels: Record<string, string>) => {
      const created = await createInstance(t, key, { name: `patch-${++counter}`, labels });
      return (await waitForStatus(t, key, created.id, 'running')) as unknown as Patched;
    };
    const newVolume = async (labels: Record<string, string>) => {
      const response = await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name: `patch-${++counter}`, region: 'us-east-1', size_gb: 10, labels } });
      assert.equal(response.statusCode, 201, response.body);
      return waitForResource<Patched & { status: string }>(t, key, `/v2/volumes/${response.json().id}`, 'available');
    };

    for (const [noun, make] of [['instance', newInstance], ['volume', newVolume]] as const) {
      test(`${noun}: labels merge (null removes a key), the name changes, and one event records it`, async () => {
        const resource = await make({ env: 'dev', tier: 'web', owner: 'ann' });
        const renamed = `renamed-${++counter}`;
        const response = await patch(resource.id, { name: renamed, labels: { env: 'prod', owner: null, team: 'core' } }, 'application/merge-patch+json');
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json() as Patched;
        assert.deepEqual([body.name, body.labels], [renamed, { env: 'prod', tier: 'web', team: 'core' }]);
        assert.deepEqual(await get(resource.id), body);

        const events = (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${resource.id}&type=${noun}.updated` })).json().data as { type: string }[];
        assert.deepEqual(events.map((e) => e.type), [`${noun}.updated`]);

        const cleared = await patch(resource.id, { labels: null });
        assert.deepEqual((cleared.json() as Patched).labels, {});
      });

      test(`${noun}: protection merges flag by flag, and turning delete protection off allows the delete`, async () => {
        const resource = await make({});
        assert.deepEqual((await patch(resource.id, { protection: { delete: true } })).json().protection, { delete: true, rebuild: false });
        assert.deepEqual((await patch(resource.id, { protection: { rebuild: true } })).json().protection, { delete: true, rebuild: true });
        const path = `/v2/${noun}s/${resource.id}`;
        assertError(await t.request(key, { method: 'DELETE', url: path }), 409, 'delete_protected');
        assert.deepEqual((await patch(resource.id, { protection: { delete: false } })).json().protection, { delete: false, rebuild: true });
        assert.equal((await t.request(key, { method: 'DELETE', url: path })).statusCode, 202);
      });

      test(`${noun}: concurrent patches of different protection flags both land`, async () => {
        const resource = await make({});
        const answers = await Promise.all([patch(resource.id, { protection: { delete: true } }), patch(resource.id, { protection: { rebuild: true } })]);
        assert.deepEqual(answers.map((a) => a.statusCode), [200, 200]);
        assert.deepEqual((await get(resource.id)).protection, { delete: true, rebuild: true });
        await patch(resource.id, { protection: { delete: false } });
      });

      test(`${noun}: refused patches change nothing (name taken 409, read-only, unknown, empty and bad labels 400, foreign 404)`, async () => {
        const first = await make({ keep: 'me' });
        const second = await make({});
        assertError(await patch(second.id, { name: first.name, labels: { lost: 'yes' } }), 409, 'name_taken');
        for (const payload of [{ region: 'eu-west-1' }, { id: 'x' }, { colour: 'red' }, {}, { labels: { 'bad key!': 'v' } }, { name: 'not a hostname' }, { protection: { forever: true } }]) {
          assertError(await patch(second.id, payload), 400, 'invalid_request');
        }
        assertError(await patch(first.id, { name: `stolen-${++counter}` }, 'application/json', otherKey), 404, 'not_found');
        assert.deepEqual(await get(second.id), second);
        assert.deepEqual((await get(first.id)).labels, { keep: 'me' });
      });
    }
  });
}
