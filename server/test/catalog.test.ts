import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';

// Catalogs are in memory, so one database kind is enough here.
describe('catalogs', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp('sqlite');
    key = (await t.newCaller()).key;
  });
  after(() => t.close());

  const all = async (path: string) => (await t.request(key, { method: 'GET', url: `/v2/${path}?limit=100` })).json().data as Record<string, unknown>[];

  test('more than 50 regions, with the ids the docs use', async () => {
    const regions = await all('regions');
    assert.ok(regions.length > 50, `${regions.length} regions`);
    const ids = regions.map((r) => r.id);
    for (const id of ['us-east-1', 'eu-central-1', 'ap-southeast-1']) assert.ok(ids.includes(id), id);
    for (const region of regions) {
      assert.match(String(region.id), /^[a-z]{2}-[a-z]+-\d$/);
      assert.match(String(region.country), /^[A-Z]{2}$/);
      assert.equal(typeof region.available, 'boolean');
      assert.equal(typeof region.name, 'string');
    }
    assert.ok(regions.some((r) => r.available === false), 'some regions take no new resources');
  });

  test('plans include micro, standard-4 and memory-16 with sizes and prices', async () => {
    const plans = await all('plans');
    for (const id of ['micro', 'standard-4', 'memory-16']) {
      const plan = plans.find((p) => p.id === id);
      assert.ok(plan, id);
      for (const field of ['cpu', 'memory_gb', 'disk_gb', 'price_hourly']) assert.equal(typeof plan[field], 'number', `${id}.${field}`);
    }
  });

  test('images are OS slugs with distribution and version', async () => {
    const images = await all('images');
    for (const id of ['ubuntu-24-04', 'debian-12']) assert.ok(images.some((i) => i.id === id), id);
    const ubuntu = images.find((i) => i.id === 'ubuntu-24-04');
    assert.deepEqual([ubuntu?.distribution, ubuntu?.version], ['ubuntu', '24.04']);
  });

  test('each item has a single-item GET, and unknown ids are 404', async () => {
    for (const [path, id] of [['regions', 'eu-central-1'], ['plans', 'micro'], ['images', 'debian-12']] as const) {
      const response = await t.request(key, { method: 'GET', url: `/v2/${path}/${id}` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().id, id);
      assertError(await t.request(key, { method: 'GET', url: `/v2/${path}/no-such-${path}` }), 404);
    }
  });

  test('catalogs need a key', async () => {
    for (const path of ['regions', 'plans', 'images', 'regions/us-east-1']) {
      assertError(await t.request(null, { method: 'GET', url: `/v2/${path}` }), 401);
    }
  });
});
