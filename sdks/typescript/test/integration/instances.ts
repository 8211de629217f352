import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, NotFoundError, UnprocessableEntityError, type Action, type Instance } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

const spec = { region: 'eu-west-1', plan: 'micro', image: 'debian-12' };

export function instanceTests(live: LiveServer) {
  test('create without waiting, then wait on its create action', async () => {
    const client = live.client();
    const instance = await client.instances.create({ name: 'sdk-nowait', ...spec, labels: { suite: 'sdk', role: 'web' } });
    assert.equal(instance.status, 'provisioning');
    const actions = await client.instances.actions(instance.id);
    const create = actions.data.find((action) => action.type === 'create');
    assert.ok(create, 'the create action is listed for the instance');
    const done = await client.actions.waitFor(create.id, { timeout: 30_000 });
    assert.equal(done.status, 'completed');
    assert.notEqual(done.completed_at, null);
    assert.equal((await client.instances.retrieve(instance.id)).status, 'running');
  });

  test('list filters: region, status, name, label selector; pages of one', async () => {
    const client = live.client();
    const second = await client.instances.create({ name: 'sdk-second', ...spec, labels: { suite: 'sdk', role: 'db' } }, { wait: true });
    const names = async (params: Parameters<typeof client.instances.list>[0]) => {
      const found: string[] = [];
      for await (const instance of client.instances.list({ limit: 1, ...params })) found.push(instance.name);
      return found.sort();
    };
    assert.deepEqual(await names({ label_selector: 'suite=sdk' }), ['sdk-nowait', 'sdk-second']);
    assert.deepEqual(await names({ label_selector: 'suite=sdk,role in (db)' }), ['sdk-second']);
    assert.deepEqual(await names({ name: 'sdk-second' }), ['sdk-second']);
    assert.deepEqual(await names({ region: 'ap-south-1' }), []);
    assert.ok((await names({ region: 'eu-west-1', status: 'running' })).includes('sdk-second'));
    const page = await client.instances.list({ label_selector: 'suite=sdk', limit: 1 });
    assert.equal(page.data.length, 1);
    assert.equal(page.pagination.has_more, true);
    await client.instances.delete(second.id, { wait: true });
  });

  test('stop, start, restart and resize, each with and without waiting', async () => {
    const client = live.client();
    const [instance] = (await client.instances.list({ name: 'sdk-nowait' })).data as [Instance];

    const stopping = await client.instances.stop(instance.id);
    assert.equal(stopping.id, instance.id);
    assert.match(stopping.action_id, /^act_/);
    assert.equal(typeof stopping.message, 'string');
    const stopped: Action = await client.actions.waitFor(stopping.action_id);
    assert.equal(stopped.type, 'stop');
    assert.equal((await client.instances.retrieve(instance.id)).status, 'stopped');

    const resized = await client.instances.resize(instance.id, { plan: 'standard-2' }, { wait: true });
    assert.deepEqual([resized.type, resized.status], ['resize', 'completed']);
    const started = await client.instances.start(instance.id, { wait: true });
    assert.deepEqual([started.type, started.status, started.resource_id], ['start', 'completed', instance.id]);
    const after = await client.instances.retrieve(instance.id);
    assert.deepEqual([after.status, after.plan, after.cpu], ['running', 'standard-2', 2]);

    await assert.rejects(client.instances.start(instance.id), ConflictError, 'already running');
    const restarted = await client.instances.restart(instance.id, { wait: true });
    assert.equal(restarted.type, 'restart');

    const history = await client.actions.list({ resource_id: instance.id, status: 'completed' });
    assert.deepEqual(new Set(history.data.map((a) => a.type)), new Set(['create', 'stop', 'resize', 'start', 'restart']));
  });

  test('power cycle and graceful shutdown, then a shutdown of a stopped instance is a conflict', async () => {
    const client = live.client();
    const instance = await client.instances.create({ name: 'sdk-power', ...spec }, { wait: true });
    const cycling = await client.instances.powerCycle(instance.id);
    assert.equal(cycling.status, 'rebooting');
    const cycled = await client.actions.waitFor(cycling.action_id);
    assert.deepEqual([cycled.type, cycled.status], ['power_cycle', 'completed']);
    assert.equal((await client.instances.retrieve(instance.id)).status, 'running');

    const shut = await client.instances.shutdown(instance.id, { wait: true });
    assert.deepEqual([shut.type, shut.status, shut.resource_id], ['shutdown', 'completed', instance.id]);
    assert.equal((await client.instances.retrieve(instance.id)).status, 'stopped');
    const again = await client.instances.shutdown(instance.id).catch((error: unknown) => error);
    assert.ok(again instanceof ConflictError);
    assert.equal(again.reason, 'already_in_state');
    await assert.rejects(client.instances.powerCycle(instance.id), ConflictError);
    await client.instances.delete(instance.id, { wait: true });
  });

  test('snapshot into a custom image, create from it, rebuild, list by type, delete the image', async () => {
    const client = live.client();
    const source = await client.instances.create({ name: 'sdk-golden', ...spec }, { wait: true });
    const refused = await client.instances.snapshot(source.id, { name: 'sdk-golden-img' }).catch((error: unknown) => error);
    assert.ok(refused instanceof ConflictError);
    assert.equal(refused.reason, 'invalid_state');
    const accepted = await client.instances.snapshot(source.id, { name: 'sdk-golden-img', crash_consistent: true });
    assert.match(accepted.image_id, /^img_/);
    assert.equal((await client.actions.waitFor(accepted.action_id)).type, 'snapshot');
    const image = await client.images.retrieve(accepted.image_id);
    assert.deepEqual([image.type, image.status, image.source_instance_id, image.region], ['custom', 'available', source.id, spec.region]);
    const custom = await client.images.list({ type: 'custom', limit: 100 });
    assert.ok(custom.data.every((i) => i.type === 'custom') && custom.data.some((i) => i.id === image.id));

    const copy = await client.instances.create({ name: 'sdk-from-image', ...spec, image: image.id }, { wait: true });
    assert.equal(copy.image, image.id);
    const rebuilt = await client.instances.rebuild(source.id, { image: 'ubuntu-24-04' }, { wait: true });
    assert.deepEqual([rebuilt.type, rebuilt.status], ['rebuild', 'completed']);
    const after = await client.instances.retrieve(source.id);
    assert.deepEqual([after.image, after.ipv4, after.status], ['ubuntu-24-04', source.ipv4, 'running']);

    const osDelete = await client.images.delete('debian-12').catch((error: unknown) => error);
    assert.ok(osDelete instanceof ConflictError);
    assert.equal(osDelete.reason, 'public_image');
    assert.equal((await client.images.delete(image.id, { wait: true })).status, 'completed');
    await assert.rejects(client.images.retrieve(image.id), NotFoundError);
    await Promise.all([source, copy].map((i) => client.instances.delete(i.id, { wait: true })));
  });

  test('update merges labels, renames, and lifts delete protection (instances and volumes)', async () => {
    const client = live.client();
    const instance = await client.instances.create({ name: 'sdk-patch', ...spec, labels: { env: 'dev', owner: 'ann' }, protection: { delete: true } }, { wait: true });
    const patched = await client.instances.update(instance.id, { name: 'sdk-patched', labels: { env: 'prod', owner: null } });
    assert.deepEqual([patched.name, patched.labels, patched.protection], ['sdk-patched', { env: 'prod' }, { delete: true, rebuild: false }]);
    const refused = await client.instances.delete(instance.id).catch((error: unknown) => error);
    assert.ok(refused instanceof ConflictError);
    assert.equal(refused.reason, 'delete_protected');
    assert.deepEqual((await client.instances.update(instance.id, { protection: { delete: false } })).protection, { delete: false, rebuild: false });
    await client.instances.delete(instance.id, { wait: true });

    const volume = await client.volumes.create({ name: 'sdk-patch-vol', region: spec.region, size_gb: 5, labels: { tier: 'db' } }, { wait: true });
    const renamed = await client.volumes.update(volume.id, { name: 'sdk-patched-vol', labels: null, protection: { rebuild: true } });
    assert.deepEqual([renamed.name, renamed.labels, renamed.protection], ['sdk-patched-vol', {}, { delete: false, rebuild: true }]);
    await client.volumes.delete(volume.id, { wait: true });
  });

  test('metrics for a time range', async () => {
    const client = live.client();
    const [instance] = (await client.instances.list({ name: 'sdk-nowait' })).data as [Instance];
    const end = new Date();
    const start = new Date(end.getTime() - 10 * 60_000);
    const metrics = await client.instances.metrics(instance.id, { type: 'memory', start: start.toISOString(), end: end.toISOString(), step: 120 });
    assert.equal(metrics.instance_id, instance.id);
    assert.equal(metrics.type, 'memory');
    assert.equal(metrics.step, 120);
    assert.ok(metrics.series.length > 0 && metrics.series[0]!.points.length >= 4);
    await assert.rejects(client.instances.metrics(instance.id, { type: 'cpu', step: 5 }), (e: unknown) => (e as { status?: number }).status === 400);
  });

  test('console output', async () => {
    const client = live.client();
    const [instance] = (await client.instances.list({ name: 'sdk-nowait' })).data as [Instance];
    const console = await client.instances.console(instance.id);
    assert.equal(console.instance_id, instance.id);
    assert.match(console.output, new RegExp(`booted ${instance.id}`));
    await assert.rejects(client.instances.console('inst_0000000000000000'), NotFoundError);
  });

  test('an unknown plan is a 422; delete with wait removes the instance', async () => {
    const client = live.client();
    const [instance] = (await client.instances.list({ name: 'sdk-nowait' })).data as [Instance];
    const error = await client.instances.resize(instance.id, { plan: 'huge-9000' }).catch((e: unknown) => e);
    assert.ok(error instanceof UnprocessableEntityError);
    assert.ok(error.details.some((d) => d.field === 'plan'));
    const deleted = await client.instances.delete(instance.id, { wait: true });
    assert.deepEqual([deleted.type, deleted.status], ['delete', 'completed']);
    await assert.rejects(client.instances.retrieve(instance.id), NotFoundError);
  });
}
