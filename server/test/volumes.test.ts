import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, waitFor, waitForAction, waitForResource, waitForStatus } from './helpers/instances.js';

interface VolumeBody {
  id: string;
  name: string;
  region: string;
  size_gb: number;
  status: string;
  instance_id: string | null;
  snapshot_id: string | null;
  labels: Record<string, string>;
}

let counter = 0;

for (const kind of DATABASE_KINDS) {
  describe(`volumes and snapshots (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const post = (url: string, payload: object) => t.request(key, { method: 'POST', url, payload });
    const put = (id: string, operation: string, payload?: object) =>
      t.request(key, { method: 'PUT', url: `/v2/volumes/${id}/${operation}`, ...(payload ? { payload } : {}) });
    const waitVolume = (id: string, status: string) => waitForResource<VolumeBody>(t, key, `/v2/volumes/${id}`, status);
    async function volume(overrides: object = {}): Promise<VolumeBody> {
      const response = await post('/v2/volumes', { name: `vol-${++counter}`, region: 'eu-west-1', size_gb: 10, ...overrides });
      assert.equal(response.statusCode, 201, response.body);
      return waitVolume(response.json().id, 'available');
    }

    test('create: 201 in creating with a Location, then available', async () => {
      const response = await post('/v2/volumes', { name: 'data-1', region: 'eu-west-1', size_gb: 50, filesystem: 'xfs', labels: { app: 'db' } });
      assert.equal(response.statusCode, 201);
      const created = response.json();
      assert.match(created.id, /^vol_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, `/v2/volumes/${created.id}`);
      assert.deepEqual([created.status, created.size_gb, created.filesystem, created.instance_id, created.labels], ['creating', 50, 'xfs', null, { app: 'db' }]);
      await waitVolume(created.id, 'available');
    });

    test('validation: 400 for malformed input, 422 for semantic problems, 409 for a taken name', async () => {
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'x', region: 'eu-west-1', size_gb: 0 }), 400)), ['size_gb']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'x', region: 'eu-west-1', size_gb: 16385 }), 400)), ['size_gb']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'x', region: 'eu-west-1', size_gb: 1, filesystem: 'ntfs' }), 400)), ['filesystem']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'x' }), 422)), ['region', 'size_gb']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'x', region: 'mars-1', size_gb: 1 }), 422)), ['region']);
      const taken = await volume();
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: taken.name, region: 'eu-west-1', size_gb: 1 }), 409)), ['name']);
    });

    test('attach and detach, with the region, ownership and one-instance rules', async () => {
      const instance = await createInstance(t, key, { region: 'eu-west-1' });
      const elsewhere = await createInstance(t, key, { region: 'us-east-1' });
      const other = await createInstance(t, key, { region: 'eu-west-1' });
      for (const i of [instance, elsewhere, other]) await waitForStatus(t, key, i.id, 'running');
      const vol = await volume();

      assert.deepEqual(fields(assertError(await put(vol.id, 'attach', { instance_id: elsewhere.id }), 422)), ['instance_id']);
      assert.deepEqual(fields(assertError(await put(vol.id, 'attach', { instance_id: 'inst_0000000000000000' }), 422)), ['instance_id']);
      assertError(await put(vol.id, 'detach'), 409);

      const attach = await put(vol.id, 'attach', { instance_id: instance.id });
      assert.equal(attach.statusCode, 202);
      assert.equal(attach.headers.location, `/v2/actions/${attach.json().action_id}`);
      const attached = await waitVolume(vol.id, 'attached');
      assert.equal(attached.instance_id, instance.id);
      assert.deepEqual((await t.request(key, { method: 'GET', url: `/v2/instances/${instance.id}` })).json().volume_ids, [vol.id]);

      assertError(await put(vol.id, 'attach', { instance_id: other.id }), 409);
      assertError(await put(vol.id, 'attach', { instance_id: instance.id }), 409);
      assert.match(assertError(await t.request(key, { method: 'DELETE', url: `/v2/volumes/${vol.id}` }), 409).error.message, /detach it first/);
      assert.match(assertError(await t.request(key, { method: 'DELETE', url: `/v2/instances/${instance.id}` }), 409).error.message, /detach them first/);

      assert.equal((await put(vol.id, 'detach')).statusCode, 202);
      const detached = await waitVolume(vol.id, 'available');
      assert.equal(detached.instance_id, null);
      assert.deepEqual((await t.request(key, { method: 'GET', url: `/v2/instances/${instance.id}` })).json().volume_ids, []);
      assert.equal((await put(vol.id, 'attach', { instance_id: other.id })).statusCode, 202, 'free to attach elsewhere now');
      await waitVolume(vol.id, 'attached');
    });

    test('filters: region, attachment_state, instance_id, label_selector', async () => {
      const instance = await createInstance(t, key, { region: 'ap-south-1' });
      await waitForStatus(t, key, instance.id, 'running');
      const a = await volume({ region: 'ap-south-1', labels: { tier: 'hot' } });
      const b = await volume({ region: 'ap-south-1', labels: { tier: 'cold' } });
      await put(a.id, 'attach', { instance_id: instance.id });
      await waitVolume(a.id, 'attached');
      const ids = async (query: string) =>
        ((await t.request(key, { method: 'GET', url: `/v2/volumes?limit=100&${query}` })).json().data as VolumeBody[]).map((v) => v.id).sort();
      assert.deepEqual(await ids('region=ap-south-1'), [a.id, b.id].sort());
      assert.deepEqual(await ids('region=ap-south-1&attachment_state=attached'), [a.id]);
      assert.deepEqual(await ids('region=ap-south-1&attachment_state=detached'), [b.id]);
      assert.deepEqual(await ids(`instance_id=${instance.id}`), [a.id]);
      assert.deepEqual(await ids('label_selector=tier%3Dcold'), [b.id]);
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'GET', url: '/v2/volumes?attachment_state=maybe' }), 400)), ['attachment_state']);
    });

    test('resize grows only', async () => {
      const vol = await volume({ size_gb: 20 });
      assert.deepEqual(fields(assertError(await put(vol.id, 'resize', { size_gb: 10 }), 422)), ['size_gb']);
      assertError(await put(vol.id, 'resize', { size_gb: 20 }), 409);
      assert.equal((await put(vol.id, 'resize', { size_gb: 40 })).statusCode, 202);
      const grown = await waitFor(() => t.request(key, { method: 'GET', url: `/v2/volumes/${vol.id}` }), (r) => r.json().size_gb === 40, 'the resize');
      assert.equal(grown.json().status, 'available');
    });

    test('snapshots: take, list, restore into a new volume, delete', async () => {
      const source = await volume({ size_gb: 30, region: 'eu-central-1' });
      const taken = await post(`/v2/volumes/${source.id}/snapshots`, { name: 'nightly' });
      assert.equal(taken.statusCode, 201, taken.body);
      const snapshot = taken.json();
      assert.match(snapshot.id, /^snap_/);
      assert.deepEqual([snapshot.status, snapshot.size_gb, snapshot.region, snapshot.volume_id], ['creating', 30, 'eu-central-1', source.id]);
      const ready = await waitFor(() => t.request(key, { method: 'GET', url: `/v2/snapshots/${snapshot.id}` }), (r) => r.json().status === 'available', 'the snapshot');
      assert.equal(ready.json().status, 'available');
      const listed = (await t.request(key, { method: 'GET', url: `/v2/snapshots?volume_id=${source.id}` })).json().data;
      assert.deepEqual(listed.map((s: { id: string }) => s.id), [snapshot.id]);
      assert.equal((await t.request(key, { method: 'GET', url: '/v2/snapshots?region=us-east-1' })).json().data.length, 0);

      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'small', snapshot_id: snapshot.id, size_gb: 10 }), 422)), ['size_gb']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'moved', snapshot_id: snapshot.id, region: 'us-east-1' }), 422)), ['region']);
      assert.deepEqual(fields(assertError(await post('/v2/volumes', { name: 'ghost', snapshot_id: 'snap_0000000000000000' }), 422)), ['snapshot_id']);
      const restored = await post('/v2/volumes', { name: 'restored', snapshot_id: snapshot.id });
      assert.equal(restored.statusCode, 201, restored.body);
      assert.deepEqual([restored.json().region, restored.json().size_gb, restored.json().snapshot_id], ['eu-central-1', 30, snapshot.id]);
      await waitVolume(restored.json().id, 'available');

      const deleted = await t.request(key, { method: 'DELETE', url: `/v2/snapshots/${snapshot.id}` });
      assert.equal(deleted.statusCode, 202);
      await waitForAction(t, key, deleted.json().action_id, 'completed');
      assertError(await t.request(key, { method: 'GET', url: `/v2/snapshots/${snapshot.id}` }), 404);
    });

    test('a failing attach errors its action and leaves the volume available', async () => {
      const instance = await createInstance(t, key, { region: 'eu-west-1' });
      await waitForStatus(t, key, instance.id, 'running');
      const vol = await volume();
      t.storage.faults.failNext('attach', 3);
      const action = await waitForAction(t, key, (await put(vol.id, 'attach', { instance_id: instance.id })).json().action_id, 'errored');
      assert.match(action.error as string, /simulated attach failure/);
      const after = await waitVolume(vol.id, 'available');
      assert.equal(after.instance_id, null);
    });

    test('delete: 202, deleting, then gone; quotas count volumes and gigabytes', async () => {
      const vol = await volume({ size_gb: 5 });
      const response = await t.request(key, { method: 'DELETE', url: `/v2/volumes/${vol.id}` });
      assert.equal(response.statusCode, 202);
      assert.equal(response.json().status, 'deleting');
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/volumes/${vol.id}` }), (r) => r.statusCode === 404, 'the volume to go');

      const free = await t.createAccount('free', 600);
      const freeKey = await t.createKey(free.id);
      const tooBig = await t.request(freeKey, { method: 'POST', url: '/v2/volumes', payload: { name: 'big', region: 'eu-west-1', size_gb: 101 } });
      assert.match(assertError(tooBig, 422).error.details[0]?.message as string, /Volume storage \(GB\) quota exceeded/);
      const account = (await t.request(freeKey, { method: 'GET', url: '/v2/account' })).json();
      assert.deepEqual(account.quotas.volume_gb, { limit: 100, used: 0 });
    });

    test("another account gets 404 on every volume and snapshot route", async () => {
      const vol = await volume();
      const other = await t.newCaller();
      const as = (method: string, url: string, payload?: object) => t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) });
      for (const [method, url, payload] of [
        ['GET', `/v2/volumes/${vol.id}`],
        ['DELETE', `/v2/volumes/${vol.id}`],
        ['PUT', `/v2/volumes/${vol.id}/detach`],
        ['PUT', `/v2/volumes/${vol.id}/resize`, { size_gb: 100 }],
        ['POST', `/v2/volumes/${vol.id}/snapshots`, { name: 'steal' }],
      ] as [string, string, object?][]) {
        assertError(await as(method, url, payload), 404);
      }
      assert.equal((await as('GET', '/v2/volumes')).json().data.length, 0);
    });
  });
}
