import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError, NotFoundError, type Page, type Region } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

export function catalogTests(live: LiveServer) {
  test('account.retrieve: the enterprise test account with its quotas', async () => {
    const account = await live.client().account.retrieve();
    assert.equal(account.tier, 'enterprise');
    assert.equal(typeof account.quotas.instances.limit, 'number');
  });

  test('regions: one page, the next page, and every page', async () => {
    const client = live.client();
    const first: Page<Region> = await client.regions.list({ limit: 10 });
    assert.equal(first.data.length, 10);
    assert.equal(first.hasNextPage(), true);
    const second = await first.getNextPage();
    assert.equal(second.data.length, 10);
    assert.equal(new Set([...first.data, ...second.data].map((r) => r.id)).size, 20, 'pages do not overlap');

    const all: Region[] = [];
    for await (const region of client.regions.list({ limit: 25 })) all.push(region);
    assert.ok(all.length >= 50);
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
    const lastPage = await client.regions.list({ limit: 100 });
    assert.equal(lastPage.hasNextPage(), false);
    assert.equal(lastPage.data.length, all.length, 'auto-pagination saw exactly what one big page holds');
    await assert.rejects(lastPage.getNextPage(), /last page/);
  });

  test('regions, plans and images: retrieve by id', async () => {
    const client = live.client();
    assert.equal((await client.regions.retrieve('us-east-1')).id, 'us-east-1');
    const plan = await client.plans.retrieve('micro');
    assert.equal(plan.id, 'micro');
    assert.equal(typeof plan.price_hourly, 'number');
    assert.equal((await client.images.retrieve('debian-12')).distribution, 'debian');
  });

  test('plans and images list every entry', async () => {
    const client = live.client();
    const plans = [];
    for await (const plan of client.plans.list({ limit: 2 })) plans.push(plan.id);
    assert.ok(plans.includes('micro') && plans.includes('standard-4'));
    const images = await client.images.list();
    assert.ok(images.data.some((image) => image.id === 'debian-12'));
  });

  test('an unknown id is a NotFoundError; an id with a slash stays one path segment', async () => {
    const client = live.client();
    await assert.rejects(client.plans.retrieve('no-such-plan'), NotFoundError);
    await assert.rejects(client.regions.retrieve('../plans/micro'), NotFoundError);
  });

  test('a limit out of range is a BadRequestError naming the parameter', async () => {
    const error = await live.client().regions.list({ limit: 101 }).catch((e: unknown) => e);
    assert.ok(error instanceof BadRequestError);
    assert.ok(error.details.some((detail) => detail.field.includes('limit')), JSON.stringify(error.details));
  });
}
