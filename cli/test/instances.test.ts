import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiEnv, cli, cliJson } from './helpers/cli.js';

/** Runs a `--wait` command and checks the plain progress lines a non-terminal gets on stderr. */
async function waited(args: string[], progress: string) {
  const result = await cli([...args, '--wait', '-o', 'json'], { env: apiEnv() });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`^Waiting: ${progress}\\nDone: ${progress} \\(\\d+\\.\\ds\\)\\n$`));
  return JSON.parse(result.stdout);
}

describe('instances', () => {
  test('the lifecycle: create --wait, list, get, restart, stop, start, resize, metrics, actions, delete --wait', async () => {
    const instance = await waited(
      ['instances', 'create', '--name', 'cli-life', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12', '--label', 'suite=cli-life', '--label', 'tier=web'],
      'creating instance cli-life',
    );
    assert.match(instance.id, /^inst_/);
    assert.equal(instance.status, 'running');
    assert.ok(instance.ipv4);
    assert.deepEqual(instance.labels, { suite: 'cli-life', tier: 'web' });

    const listed = await cliJson<{ id: string }[]>(['instances', 'list', '--all', '--selector', 'suite=cli-life,tier in (web)']);
    assert.deepEqual(listed.map((item) => item.id), [instance.id]);
    assert.deepEqual(await cliJson(['instances', 'list', '--name', 'cli-life', '--status', 'stopped']), []);
    assert.equal((await cliJson(['instances', 'get', instance.id])).name, 'cli-life');

    const restart = await waited(['instances', 'restart', instance.id], `restarting instance ${instance.id}`);
    assert.deepEqual([restart.type, restart.status, restart.resource_id], ['restart', 'completed', instance.id]);

    // Without --wait: the 202 answer, with the action to follow.
    const stop = await cliJson(['instances', 'stop', instance.id]);
    assert.match(stop.action_id, /^act_/);
    const stopped = await cli(['actions', 'wait', stop.action_id, '-o', 'json'], { env: apiEnv() });
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(JSON.parse(stopped.stdout).status, 'completed');
    assert.match(stopped.stderr, new RegExp(`Waiting: action ${stop.action_id}`));
    assert.equal((await cliJson(['actions', 'get', stop.action_id])).type, 'stop');
    assert.equal((await cliJson(['instances', 'get', instance.id])).status, 'stopped');

    assert.equal((await waited(['instances', 'start', instance.id], `starting instance ${instance.id}`)).type, 'start');
    const resize = await waited(['instances', 'resize', instance.id, '--plan', 'standard-2'], `resizing instance ${instance.id} to standard-2`);
    assert.equal(resize.type, 'resize');
    const resized = await cliJson(['instances', 'get', instance.id]);
    assert.deepEqual([resized.plan, resized.cpu, resized.status], ['standard-2', 2, 'running']);

    const metrics = await cliJson(['instances', 'metrics', instance.id, '--type', 'memory', '--step', '300']);
    assert.deepEqual([metrics.instance_id, metrics.type, metrics.step], [instance.id, 'memory', 300]);
    const metricsTable = await cli(['instances', 'metrics', instance.id, '--type', 'cpu', '-o', 'table'], { env: apiEnv() });
    assert.match(metricsTable.stdout, /^SERIES +TIMESTAMP +VALUE +UNIT\n/);

    const actions = await cliJson<{ type: string }[]>(['instances', 'actions', instance.id, '--all']);
    assert.deepEqual(actions.map((action) => action.type), ['resize', 'start', 'stop', 'restart', 'create']);
    const completed = await cliJson<{ resource_id: string }[]>(['actions', 'list', '--all', '--resource-id', instance.id, '--status', 'completed']);
    assert.equal(completed.length, 5);

    const deleted = await waited(['instances', 'delete', instance.id], `deleting instance ${instance.id}`);
    assert.deepEqual([deleted.type, deleted.status], ['delete', 'completed']);
    assert.equal((await cli(['instances', 'get', instance.id], { env: apiEnv() })).code, 4);
  });

  test('--delete-protection and --rebuild-protection set protection on create; a protected delete fails', async () => {
    const instance = await cliJson<{ id: string; protection: object }>(['instances', 'create', '--name', 'cli-guarded', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12', '--delete-protection']);
    assert.deepEqual(instance.protection, { delete: true, rebuild: false });
    const volume = await cliJson<{ id: string; protection: object }>(['volumes', 'create', '--name', 'cli-guarded', '--region', 'eu-central-1', '--size-gb', '1', '--rebuild-protection', '--delete-protection']);
    assert.deepEqual(volume.protection, { delete: true, rebuild: true });
    const plain = await cliJson<{ protection: object }>(['volumes', 'create', '--name', 'cli-plain', '--region', 'eu-central-1', '--size-gb', '1']);
    assert.deepEqual(plain.protection, { delete: false, rebuild: false });
    const refused = await cli(['instances', 'delete', instance.id], { env: apiEnv() });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /delete_protected|delete protection/);
  });

  test('power-cycle and shutdown, each with --wait; a shutdown of a stopped instance is a conflict', async () => {
    const instance = await waited(['instances', 'create', '--name', 'cli-power', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12'], 'creating instance cli-power');
    const cycled = await waited(['instances', 'power-cycle', instance.id], `power-cycling instance ${instance.id}`);
    assert.deepEqual([cycled.type, cycled.status], ['power_cycle', 'completed']);
    const shut = await waited(['instances', 'shutdown', instance.id], `shutting down instance ${instance.id}`);
    assert.deepEqual([shut.type, shut.status], ['shutdown', 'completed']);
    assert.equal((await cliJson(['instances', 'get', instance.id])).status, 'stopped');
    // Already stopped: the 409's conflict exit code.
    assert.equal((await cli(['instances', 'shutdown', instance.id], { env: apiEnv() })).code, 5);
  });

  test('update renames, merges labels (--remove-label) and lifts delete protection; volumes too', async () => {
    const instance = await waited(['instances', 'create', '--name', 'cli-patch', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12', '--label', 'env=dev', '--label', 'owner=ann', '--delete-protection'], 'creating instance cli-patch');
    const patched = await cliJson(['instances', 'update', instance.id, '--name', 'cli-patched', '--label', 'env=prod', '--remove-label', 'owner']);
    assert.deepEqual([patched.name, patched.labels, patched.protection], ['cli-patched', { env: 'prod' }, { delete: true, rebuild: false }]);
    const lifted = await cliJson(['instances', 'update', instance.id, '--delete-protection', 'false']);
    assert.deepEqual(lifted.protection, { delete: false, rebuild: false });
    // An empty patch is the server's 400, the validation exit code.
    assert.equal((await cli(['instances', 'update', instance.id], { env: apiEnv() })).code, 6);

    const volume = await cliJson(['volumes', 'create', '--name', 'cli-patch-vol', '--region', 'eu-central-1', '--size-gb', '1', '--label', 'tier=db']);
    const changed = await cliJson(['volumes', 'update', volume.id, '--remove-label', 'tier', '--rebuild-protection', 'true']);
    assert.deepEqual([changed.labels, changed.protection], [{}, { delete: false, rebuild: true }]);
  });

  test('snapshot into a custom image, create from it, rebuild, images list --type, get and delete', async () => {
    const source = await waited(['instances', 'create', '--name', 'cli-golden', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12'], 'creating instance cli-golden');
    const refused = await cli(['instances', 'snapshot', source.id, '--name', 'cli-golden-img'], { env: apiEnv() });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /invalid_state|crash_consistent/);
    const accepted = await cliJson(['instances', 'snapshot', source.id, '--name', 'cli-golden-img', '--crash-consistent']);
    assert.match(accepted.image_id, /^img_/);
    assert.equal((await cliJson(['actions', 'wait', accepted.action_id])).type, 'snapshot');
    const image = await cliJson(['images', 'get', accepted.image_id]);
    assert.deepEqual([image.type, image.status, image.source_instance_id], ['custom', 'available', source.id]);
    const custom = await cliJson<{ id: string; type: string }[]>(['images', 'list', '--all', '--type', 'custom']);
    assert.ok(custom.every((i) => i.type === 'custom') && custom.some((i) => i.id === image.id));

    const copy = await waited(['instances', 'create', '--name', 'cli-from-image', '--region', 'eu-central-1', '--plan', 'micro', '--image', image.id], 'creating instance cli-from-image');
    assert.equal(copy.image, image.id);
    const rebuilt = await waited(['instances', 'rebuild', source.id, '--image', 'ubuntu-24-04'], `rebuilding instance ${source.id}`);
    assert.deepEqual([rebuilt.type, rebuilt.status], ['rebuild', 'completed']);
    assert.equal((await cliJson(['instances', 'get', source.id])).image, 'ubuntu-24-04');

    const osDelete = await cli(['images', 'delete', 'debian-12'], { env: apiEnv() });
    assert.notEqual(osDelete.code, 0);
    assert.match(osDelete.stderr, /public_image|OS image/);
    assert.equal((await waited(['images', 'delete', image.id], `deleting image ${image.id}`)).status, 'completed');
    assert.notEqual((await cli(['images', 'get', image.id], { env: apiEnv() })).code, 0);
  });

  test('the same --idempotency-key creates once', async () => {
    const args = ['instances', 'create', '--name', 'cli-idem', '--region', 'eu-central-1', '--plan', 'micro', '--image', 'debian-12', '--idempotency-key', `cli-idem-${process.pid}`];
    const first = await cliJson(args);
    const replay = await cliJson(args);
    assert.equal(replay.id, first.id);
    assert.equal((await cliJson<object[]>(['instances', 'list', '--name', 'cli-idem'])).length, 1);

    const table = await cli(['instances', 'list', '--name', 'cli-idem', '-o', 'table'], { env: apiEnv() });
    assert.match(table.stdout, /^ID +NAME +REGION +PLAN +STATUS +IPV4 +CREATED AT\ninst_\w+ +cli-idem +eu-central-1 +micro /);
    const none = await cli(['instances', 'list', '--name', 'no-such-name', '-o', 'table'], { env: apiEnv() });
    assert.equal(none.stdout, 'No results.\n');
  });
});
