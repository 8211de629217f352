// The resource-module contract: a resource is one folder with an index.ts and one line in the
// module list. The toy in test/fixtures/toys is added to the real list here, and everything the
// app wires from a module reaches it: its paths (authenticated, in the OpenAPI document), another
// module's service, its action handler run by the worker, and its periodic task.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildModules, defineModule, type Context } from '../src/resources/module.js';
import { RESOURCE_MODULES } from '../src/resources/modules.js';
import { assertError } from './helpers/assertions.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { waitForAction } from './helpers/instances.js';
import { toysModule } from './fixtures/toys/index.js';

describe('a resource module added to the list', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp('sqlite', { modules: [...RESOURCE_MODULES, toysModule] });
    ({ key } = await t.newCaller());
  });
  after(() => t.close());

  test('its paths answer, authenticated and scoped, and use another module\'s service', async () => {
    assertError(await t.request(null, { method: 'POST', url: '/v2/toys', payload: { name: 'top', region: 'eu-west-1' } }), 401, 'unauthorized');
    const made = await t.request(key, { method: 'POST', url: '/v2/toys', payload: { name: 'top', region: 'eu-west-1' } });
    assert.equal(made.statusCode, 201, made.body);
    const toy = made.json() as { id: string; default_vpc_id: string; polished: boolean };
    assert.equal(made.headers.location, `/v2/toys/${toy.id}`);
    // The VPC the toy read through the VPCs module's service is the account's real default VPC.
    const vpc = await t.request(key, { method: 'GET', url: `/v2/vpcs/${toy.default_vpc_id}` });
    assert.equal(vpc.statusCode, 200, vpc.body);
    assert.equal(vpc.json().region, 'eu-west-1');
    const other = (await t.newCaller()).key;
    assertError(await t.request(other, { method: 'GET', url: `/v2/toys/${toy.id}` }), 404, 'not_found');
    assertError(await t.request(key, { method: 'POST', url: '/v2/toys', payload: { name: 'top' } }), 400, 'invalid_request');
  });

  test('its action runs through the worker and its handler', async () => {
    const toy = (await t.request(key, { method: 'POST', url: '/v2/toys', payload: { name: 'yo-yo', region: 'us-east-1' } })).json() as { id: string };
    const polish = await t.request(key, { method: 'POST', url: `/v2/toys/${toy.id}/polish` });
    assert.equal(polish.statusCode, 202, polish.body);
    await waitForAction(t, key, polish.json().action_id, 'completed');
    assert.equal((await t.request(key, { method: 'GET', url: `/v2/toys/${toy.id}` })).json().polished, true);
  });

  test('its periodic task is scheduled, and its operations are in the OpenAPI document', async () => {
    assert.equal(await t.app.periodic.runNow('toy census'), 2);
    const doc = (await t.request(null, { method: 'GET', url: '/v2/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    assert.deepEqual([doc.paths['/v2/toys']?.post?.operationId, doc.paths['/v2/toys/{id}']?.get?.operationId, doc.paths['/v2/toys/{id}/polish']?.post?.operationId], ['createToy', 'getToy', 'polishToy']);
  });
});

describe('the module list as it ships', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(() => t.close());

  test('has no toy', async () => {
    const { key } = await t.newCaller();
    assert.equal((await t.request(key, { method: 'GET', url: '/v2/toys/toy_1' })).statusCode, 404);
  });
});

describe('building modules', () => {
  // Modules that use nothing from the Context but each other: enough to check the wiring rules.
  const base = {} as Omit<Context, 'service'>;

  test('a module\'s dependency is built first, whatever its place in the list', () => {
    const order: string[] = [];
    const uses = defineModule('instances', ({ service }) => {
      service('vpcs');
      order.push('instances');
      return {};
    });
    const used = defineModule('vpcs', () => {
      order.push('vpcs');
      return { service: {} as never };
    });
    buildModules([uses, used], base);
    assert.deepEqual(order, ['vpcs', 'instances']);
  });

  test('a cycle, a missing module and two handlers of one action are errors at start-up', () => {
    const a = defineModule('vpcs', ({ service }) => ({ service: service('networks') as never }));
    const b = defineModule('networks', ({ service }) => ({ service: service('vpcs') as never }));
    assert.throws(() => buildModules([a, b], base), /cycle through "vpcs"/);
    assert.throws(() => buildModules([a], base), /No module "networks"/);
    const handler = { perform: async () => {}, succeed: async () => {}, fail: async () => {} };
    const one = defineModule('one', () => ({ actionHandlers: { 'x.y': handler } }));
    const two = defineModule('two', () => ({ actionHandlers: { 'x.y': handler } }));
    assert.throws(() => buildModules([one, two], base), /Two modules handle the action "x.y"/);
  });
});
