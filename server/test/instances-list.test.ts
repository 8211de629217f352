import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { createInstance, waitForResource, waitForStatus, type InstanceBody } from './helpers/instances.js';

interface Page {
  data: InstanceBody[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

for (const kind of DATABASE_KINDS) {
  describe(`instance lists, filters and tenancy (${kind})`, () => {
    let t: TestApp;
    let key: string;
    const made: Record<string, InstanceBody> = {};
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true }));
      made.a = await createInstance(t, key, { name: 'api-1', region: 'eu-west-1', labels: { env: 'prod', tier: 'api' } });
      made.b = await createInstance(t, key, { name: 'api-2', region: 'eu-west-1', labels: { env: 'staging', tier: 'api' } });
      made.c = await createInstance(t, key, { name: 'web-1', region: 'us-east-1', labels: { env: 'prod', tier: 'web', legacy: '' } });
      made.d = await createInstance(t, key, { name: 'batch', region: 'us-east-1' });
      for (const instance of Object.values(made)) await waitForStatus(t, key, instance.id, 'running');
      await t.request(key, { method: 'PUT', url: `/v2/instances/${made.d?.id}/stop` });
      await waitForStatus(t, key, made.d?.id as string, 'stopped');
    });
    after(() => t.close());

    const names = async (query: string) => {
      const response = await t.request(key, { method: 'GET', url: `/v2/instances?limit=100&${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as Page).data.map((i) => i.name).sort();
    };

    test('filters: region, status, name', async () => {
      assert.deepEqual(await names('region=eu-west-1'), ['api-1', 'api-2']);
      assert.deepEqual(await names('status=stopped'), ['batch']);
      assert.deepEqual(await names('status=running&region=us-east-1'), ['web-1']);
      assert.deepEqual(await names('name=api-2'), ['api-2']);
      assert.deepEqual(await names('region=ap-east-1'), []);
    });

    test('a status outside the lifecycle is 400', async () => {
      for (const status of ['errored', 'RUNNING', 'off']) {
        assert.deepEqual(fields(assertError(await t.request(key, { method: 'GET', url: `/v2/instances?status=${status}` }), 400)), ['status']);
      }
    });

    test('label selectors', async () => {
      const cases: [string, string[]][] = [
        ['env=prod', ['api-1', 'web-1']],
        ['env!=prod', ['api-2', 'batch']],
        ['tier in (api,web),env=prod', ['api-1', 'web-1']],
        ['tier notin (api)', ['batch', 'web-1']],
        ['legacy', ['web-1']],
        ['!legacy,tier', ['api-1', 'api-2']],
        ['env=prod,tier=db', []],
      ];
      for (const [selector, expected] of cases) {
        assert.deepEqual(await names(`label_selector=${encodeURIComponent(selector)}`), expected, selector);
      }
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'GET', url: `/v2/instances?label_selector=${encodeURIComponent('env in (a')}` }), 400)), ['label_selector']);
    });

    test('a listed instance is exactly its GET: labels in key order, attached volume ids in order', async () => {
      const labels = { zone: 'b', Zeta: '1', alpha: 'x', '10': 'ten', '9': 'nine', 'example.com/role': 'db', env: '' };
      const instance = await createInstance(t, key, { name: 'with-volumes', region: 'ap-south-1', labels });
      await waitForStatus(t, key, instance.id, 'running');
      for (const name of ['vol-b', 'vol-a']) {
        const volume = await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name, region: 'ap-south-1', size_gb: 1 } });
        assert.equal(volume.statusCode, 201, volume.body);
        await waitForResource(t, key, `/v2/volumes/${volume.json().id}`, 'available');
        const attach = await t.request(key, { method: 'PUT', url: `/v2/volumes/${volume.json().id}/attach`, payload: { instance_id: instance.id } });
        assert.equal(attach.statusCode, 202, attach.body);
        await waitForResource(t, key, `/v2/volumes/${volume.json().id}`, 'attached');
      }
      const got = (await t.request(key, { method: 'GET', url: `/v2/instances/${instance.id}` })).json() as InstanceBody;
      const listed = ((await t.request(key, { method: 'GET', url: '/v2/instances?region=ap-south-1' })).json() as Page).data;
      assert.equal(listed.length, 1);
      assert.equal(JSON.stringify(listed[0]), JSON.stringify(got));
      assert.equal(got.volume_ids.length, 2);
      assert.deepEqual(got.volume_ids, [...got.volume_ids].sort());
      assert.deepEqual(Object.keys(got.labels), ['9', '10', 'Zeta', 'alpha', 'env', 'example.com/role', 'zone']);
      assert.deepEqual(got.labels, labels);
    });

    test('newest first, walked page by page without duplicates or gaps', async () => {
      const extra = [];
      for (let i = 0; i < 21; i++) extra.push(await createInstance(t, key, { name: `page-${i}`, region: 'sa-east-1' }));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/v2/instances?region=sa-east-1&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = (await t.request(key, { method: 'GET', url })).json() as Page;
        seen.push(...page.data.map((i) => i.id));
        cursor = page.pagination.next_cursor;
      } while (cursor);
      assert.deepEqual(seen, extra.map((i) => i.id).reverse(), 'newest first, each exactly once');
    });

    test("another account gets 404 on every instance route and never sees the instance", async () => {
      const other = await t.newCaller();
      const id = made.a?.id as string;
      const routes: [string, string, object?][] = [
        ['GET', `/v2/instances/${id}`],
        ['DELETE', `/v2/instances/${id}`],
        ['PUT', `/v2/instances/${id}/restart`],
        ['PUT', `/v2/instances/${id}/stop`],
        ['PUT', `/v2/instances/${id}/start`],
        ['PUT', `/v2/instances/${id}/resize`, { plan: 'standard-2' }],
        ['GET', `/v2/instances/${id}/metrics?type=cpu`],
        ['GET', `/v2/instances/${id}/actions`],
      ];
      for (const [method, url, payload] of routes) {
        assertError(await t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) }), 404);
      }
      const theirs = (await t.request(other.key, { method: 'GET', url: '/v2/instances?limit=100' })).json() as Page;
      assert.equal(theirs.data.length, 0);
      const actions = (await t.request(other.key, { method: 'GET', url: `/v2/actions?resource_id=${id}` })).json();
      assert.equal(actions.data.length, 0);
      const mine = (await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${id}` })).json();
      assertError(await t.request(other.key, { method: 'GET', url: `/v2/actions/${mine.data[0].id}` }), 404);
      assert.equal((await t.request(key, { method: 'GET', url: `/v2/instances/${id}` })).json().status, 'running', 'untouched');
    });

    test('actions: filters by resource and status', async () => {
      const id = made.d?.id as string;
      const all = (await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${id}` })).json().data as { type: string; status: string }[];
      assert.deepEqual(all.map((a) => a.type), ['stop', 'create']);
      const completed = (await t.request(key, { method: 'GET', url: '/v2/actions?status=completed&limit=100' })).json().data as { status: string }[];
      assert.ok(completed.length >= 5 && completed.every((a) => a.status === 'completed'));
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'GET', url: '/v2/actions?status=done' }), 400)), ['status']);
    });
  });
}
