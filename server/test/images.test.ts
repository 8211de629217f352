// Custom images: an instance's snapshot makes one, a create or a rebuild in its region uses it, a
// delete removes it; GET /v2/images lists them beside the OS catalog, paged by one id cursor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { createInstance, getInstance, waitFor, waitForAction, waitForResource, waitForStatus } from './helpers/instances.js';

interface ImageBody {
  id: string;
  type: 'os' | 'custom';
  name: string;
  distribution: string;
  status: string;
  region: string | null;
  source_instance_id: string | null;
  size_gb: number | null;
  created_at: string | null;
}

for (const kind of DATABASE_KINDS) {
  describe(`custom images (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let counter = 0;
    before(async () => ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true })));
    after(() => t.close());

    const put = (id: string, operation: string, payload?: object) => t.request(key, { method: 'PUT', url: `/v2/instances/${id}/${operation}`, payload });
    const snapshot = (id: string, payload: object, as = key) => t.request(as, { method: 'POST', url: `/v2/instances/${id}/snapshot`, payload });
    const getImage = (id: string, as = key) => t.request(as, { method: 'GET', url: `/v2/images/${id}` });
    const eventTypes = async (id: string) => ((await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${id}&limit=100` })).json().data as { type: string }[]).map((e) => e.type);
    const instance = async (status: 'running' | 'stopped', overrides: Record<string, unknown> = {}) => {
      const { id } = await createInstance(t, key, overrides);
      await waitForStatus(t, key, id, 'running');
      if (status === 'stopped') {
        await put(id, 'stop');
        await waitForStatus(t, key, id, 'stopped');
      }
      return id;
    };
    /** A stopped instance's snapshot, waited for until its image is available. */
    const customImage = async () => {
      const id = await instance('stopped');
      const response = await snapshot(id, { name: `golden-${kind}-${++counter}` });
      assert.equal(response.statusCode, 202, response.body);
      await waitForAction(t, key, response.json().action_id, 'completed');
      return { instanceId: id, image: await waitForResource<ImageBody>(t, key, `/v2/images/${response.json().image_id}`, 'available') };
    };

    test('a stopped instance snapshots into a custom image that keeps its source, region and size; the instance stays stopped', async () => {
      const id = await instance('stopped');
      const response = await snapshot(id, { name: `base-${kind}` });
      assert.equal(response.statusCode, 202);
      const body = response.json();
      assert.deepEqual([body.id, body.status, body.message], [id, 'stopped', 'Snapshot initiated successfully']);
      assert.match(body.image_id, /^img_[0-9a-f]{16}$/);
      assert.equal(response.headers.location, `/v2/actions/${body.action_id}`);
      assertError(await put(id, 'start'), 409, 'resource_busy');
      const action = await waitForAction(t, key, body.action_id, 'completed');
      assert.equal(action.type, 'snapshot');
      const image = await waitForResource<ImageBody>(t, key, `/v2/images/${body.image_id}`, 'available');
      assert.deepEqual(
        [image.type, image.name, image.distribution, image.region, image.source_instance_id, image.size_gb],
        ['custom', `base-${kind}`, 'ubuntu', 'us-east-1', id, 2],
      );
      assert.equal((await getInstance(t, key, id)).json().status, 'stopped');
      assert.deepEqual((await eventTypes(body.image_id)).sort(), ['image.created', 'image.status_changed']);
      assert.ok((await eventTypes(id)).includes('instance.snapshot_requested'));
    });

    test('a running instance needs crash_consistent; image names are unique per account', async () => {
      const id = await instance('running');
      const refused = assertError(await snapshot(id, { name: `live-${kind}` }), 409, 'invalid_state');
      assert.deepEqual(refused.error.details.map((d) => d.field), ['crash_consistent']);
      const response = await snapshot(id, { name: `live-${kind}`, crash_consistent: true });
      assert.equal(response.statusCode, 202);
      assert.equal(response.json().status, 'running');
      await waitForAction(t, key, response.json().action_id, 'completed');
      assertError(await snapshot(id, { name: `live-${kind}`, crash_consistent: true }), 409, 'name_taken');
      assert.equal((await waitForStatus(t, key, id, 'running')).status, 'running');
      assertError(await snapshot(id, { name: '' }), 400, 'invalid_request');
    });

    test('a snapshot the driver keeps failing leaves an errored image, which can be deleted', async () => {
      const id = await instance('stopped');
      t.driver.faults.failNext('snapshot', 3);
      const response = await snapshot(id, { name: `doomed-${kind}` });
      await waitForAction(t, key, response.json().action_id, 'errored');
      assert.equal((await getImage(response.json().image_id)).json().status, 'errored');
      assert.equal((await waitForStatus(t, key, id, 'stopped')).status, 'stopped');
      const creating = await createInstance(t, key, { image: response.json().image_id }).catch((e: Error) => e);
      assert.ok(creating instanceof Error, 'an errored image builds nothing');
      const deleted = await t.request(key, { method: 'DELETE', url: `/v2/images/${response.json().image_id}` });
      assert.equal(deleted.statusCode, 202);
      await waitForAction(t, key, deleted.json().action_id, 'completed');
    });

    test('an instance created from a custom image runs it; another region or another account cannot use it', async () => {
      const { image } = await customImage();
      const created = await createInstance(t, key, { image: image.id });
      assert.equal((await waitForStatus(t, key, created.id, 'running')).image, image.id);

      const elsewhere = await t.request(key, { method: 'POST', url: '/v2/instances', payload: { name: `far-${kind}`, region: 'eu-central-1', plan: 'micro', image: image.id } });
      const farBody = assertError(elsewhere, 422, 'validation_failed');
      assert.match(farBody.error.details.find((d) => d.field === 'image')?.message ?? '', /own region/);

      const other = await t.newCaller();
      const payload = (image: string) => ({ name: `theirs-${kind}`, region: 'us-east-1', plan: 'micro', image });
      const stolen = assertError(await t.request(other.key, { method: 'POST', url: '/v2/instances', payload: payload(image.id) }), 422, 'validation_failed');
      const bogus = assertError(await t.request(other.key, { method: 'POST', url: '/v2/instances', payload: payload('no-such-os') }), 422, 'validation_failed');
      assert.deepEqual(stolen.error.details, bogus.error.details, "another account's image reads exactly like an unknown slug");
      assertError(await getImage(image.id, other.key), 404, 'not_found');
      assertError(await t.request(other.key, { method: 'DELETE', url: `/v2/images/${image.id}` }), 404, 'not_found');
    });

    test('rebuild re-images the instance keeping its id and address; rebuild protection refuses it', async () => {
      const { image } = await customImage();
      const id = await instance('running', { protection: { rebuild: true } });
      const before = (await getInstance(t, key, id)).json();
      assertError(await put(id, 'rebuild', { image: image.id }), 409, 'rebuild_protected');
      await t.request(key, { method: 'PATCH', url: `/v2/instances/${id}`, payload: { protection: { rebuild: false } } });
      assertError(await put(id, 'rebuild', { image: 'no-such-os' }), 422, 'validation_failed');
      assertError(await put(id, 'rebuild', {}), 400, 'invalid_request');

      const response = await put(id, 'rebuild', { image: image.id });
      assert.equal(response.statusCode, 202);
      assert.deepEqual([response.json().status, response.json().message], ['rebuilding', 'Rebuild initiated successfully']);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/images/${image.id}` }), 409, 'has_dependents');
      await waitForAction(t, key, response.json().action_id, 'completed');
      const rebuilt = await waitForStatus(t, key, id, 'running');
      assert.deepEqual([rebuilt.id, rebuilt.ipv4, rebuilt.image], [id, before.ipv4, image.id]);
      assert.ok((await eventTypes(id)).includes('instance.rebuilt'));
    });

    test('a rebuild that fails for good goes back to the status and the image it had', async () => {
      const id = await instance('stopped');
      t.driver.faults.failNext('rebuild', 3);
      const response = await put(id, 'rebuild', { image: 'debian-12' });
      await waitForAction(t, key, response.json().action_id, 'errored');
      const back = await waitForStatus(t, key, id, 'stopped');
      assert.equal(back.image, 'ubuntu-24-04');
    });

    test('GET /v2/images merges OS and custom images by id, filters by type, and pages without repeats', async () => {
      const { image } = await customImage();
      const list = async (query: string) => (await t.request(key, { method: 'GET', url: `/v2/images?${query}` })).json();
      const os = await list('type=os&limit=100');
      assert.equal(os.data.length, 10);
      assert.ok(os.data.every((i: ImageBody) => i.type === 'os' && i.status === 'available' && i.region === null));
      const custom = (await list('type=custom&limit=100')).data as ImageBody[];
      assert.ok(custom.length >= 1 && custom.every((i) => i.type === 'custom'));
      assert.ok(custom.some((i) => i.id === image.id));

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((i: ImageBody) => i.id));
        cursor = page.pagination.next_cursor;
      } while (cursor);
      assert.equal(seen.length, 10 + custom.length);
      assert.deepEqual(seen, [...seen].sort(), 'in id order');
      assert.equal(new Set(seen).size, seen.length);
      assertError(await t.request(key, { method: 'GET', url: '/v2/images?type=vendor' }), 400, 'invalid_request');
      assert.equal((await getImage('debian-12')).json().type, 'os');
    });

    test('deleting a custom image removes it; an OS image cannot be deleted', async () => {
      const { image } = await customImage();
      assertError(await t.request(key, { method: 'DELETE', url: '/v2/images/ubuntu-24-04' }), 409, 'public_image');
      assertError(await t.request(key, { method: 'DELETE', url: '/v2/images/img_0000000000000000' }), 404, 'not_found');
      const response = await t.request(key, { method: 'DELETE', url: `/v2/images/${image.id}` });
      assert.equal(response.statusCode, 202);
      assert.equal(response.json().status, 'deleting');
      await waitForAction(t, key, response.json().action_id, 'completed');
      await waitFor(() => getImage(image.id), (r) => r.statusCode === 404, `${image.id} to be gone`);
      assert.ok((await eventTypes(image.id)).includes('image.deleted'));
      const payload = { name: `after-${kind}`, region: 'us-east-1', plan: 'micro', image: image.id };
      assertError(await t.request(key, { method: 'POST', url: '/v2/instances', payload }), 422, 'validation_failed');
    });
  });
}
