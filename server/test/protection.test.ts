// Delete and rebuild protection on instances and volumes: set on create, shown everywhere, and a
// protected delete is a 409 naming the flag that leaves the resource as it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, getInstance, waitForResource, waitForStatus } from './helpers/instances.js';
import { ApiError } from '../src/errors/api-error.js';
import { assertNotProtected, protectionChanges, protectionColumns } from '../src/resources/protection.js';

const OFF = { delete: false, rebuild: false };
let counter = 0;

describe('protection columns and the check', () => {
  test('a create sets the given flags and leaves the others off; a change keeps what it leaves out', () => {
    assert.deepEqual(protectionColumns(undefined), { protect_delete: 0, protect_rebuild: 0 });
    assert.deepEqual(protectionColumns({ rebuild: true }), { protect_delete: 0, protect_rebuild: 1 });
    // A change writes only the flags it gives, so the others keep whatever the row holds.
    assert.deepEqual(protectionChanges({ rebuild: false }), { protect_rebuild: 0 });
    assert.deepEqual(protectionChanges({ delete: true, rebuild: false }), { protect_delete: 1, protect_rebuild: 0 });
    assert.deepEqual(protectionChanges({}), {});
  });

  test('the check names the flag that is on, and passes when it is off', () => {
    const row = { protect_delete: 0, protect_rebuild: 1 };
    assert.doesNotThrow(() => assertNotProtected('Volume', row, 'delete'));
    assert.throws(
      () => assertNotProtected('Volume', row, 'rebuild'),
      (error) => error instanceof ApiError && error.reason === 'rebuild_protected' && error.status === 409,
    );
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`protection (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const createVolume = async (overrides: object = {}) => {
      const response = await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name: `prot-${++counter}`, region: 'us-east-1', size_gb: 10, ...overrides } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; protection: typeof OFF };
    };
    const remove = (path: string) => t.request(key, { method: 'DELETE', url: path });

    test('instances: off by default; a protected one shows it on GET and list and refuses delete', async () => {
      const plain = await createInstance(t, key);
      assert.deepEqual(plain.protection, OFF);
      const guarded = await createInstance(t, key, { protection: { delete: true } });
      assert.deepEqual(guarded.protection, { delete: true, rebuild: false });
      const running = await waitForStatus(t, key, guarded.id, 'running');
      assert.deepEqual(running.protection, { delete: true, rebuild: false });
      const listed = (await t.request(key, { method: 'GET', url: `/v2/instances?name=${guarded.name}` })).json().data;
      assert.deepEqual(listed.map((i: { protection: unknown }) => i.protection), [{ delete: true, rebuild: false }]);

      const body = assertError(await remove(`/v2/instances/${guarded.id}`), 409, 'delete_protected');
      assert.match(body.error.message, /protection\.delete: false/);
      assert.deepEqual([(await getInstance(t, key, guarded.id)).json().status], ['running']);
      const actions = (await t.request(key, { method: 'GET', url: `/v2/instances/${guarded.id}/actions` })).json().data;
      assert.deepEqual(actions.map((a: { type: string }) => a.type), ['create'], 'no delete action was queued');

      await waitForStatus(t, key, plain.id, 'running');
      assert.equal((await remove(`/v2/instances/${plain.id}`)).statusCode, 202);
    });

    test('rebuild protection alone is stored and shown, and does not stop a delete', async () => {
      const instance = await createInstance(t, key, { protection: { rebuild: true } });
      assert.deepEqual((await waitForStatus(t, key, instance.id, 'running')).protection, { delete: false, rebuild: true });
      assert.equal((await remove(`/v2/instances/${instance.id}`)).statusCode, 202);
    });

    test('volumes: off by default; a protected one refuses delete with the flag named', async () => {
      assert.deepEqual((await createVolume()).protection, OFF);
      const guarded = await createVolume({ protection: { delete: true, rebuild: true } });
      assert.deepEqual(guarded.protection, { delete: true, rebuild: true });
      const available = await waitForResource<{ id: string; status: string; protection: unknown }>(t, key, `/v2/volumes/${guarded.id}`, 'available');
      assert.deepEqual(available.protection, { delete: true, rebuild: true });
      const listed = (await t.request(key, { method: 'GET', url: '/v2/volumes?region=us-east-1&limit=100' })).json().data as { id: string; protection: unknown }[];
      assert.deepEqual(listed.find((v) => v.id === guarded.id)?.protection, { delete: true, rebuild: true });
      assertError(await remove(`/v2/volumes/${guarded.id}`), 409, 'delete_protected');
      assert.equal((await t.request(key, { method: 'GET', url: `/v2/volumes/${guarded.id}` })).json().status, 'available');
    });

    test('malformed protection on create is a 400', async () => {
      for (const protection of [{ delete: 'yes' }, { forever: true }, true]) {
        assertError(await t.request(key, { method: 'POST', url: '/v2/instances', payload: { name: `bad-${++counter}`, region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04', protection } }), 400, 'invalid_request');
        assertError(await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name: `bad-${++counter}`, region: 'us-east-1', size_gb: 10, protection } }), 400, 'invalid_request');
      }
    });
  });
}
