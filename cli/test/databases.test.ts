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

describe('databases', () => {
  test('database-engines list and get', async () => {
    const engines = await cliJson<{ id: string }[]>(['database-engines', 'list', '--all']);
    assert.deepEqual(engines.map((e) => e.id), ['mysql', 'postgres', 'redis']);
    assert.equal((await cliJson(['database-engines', 'get', 'redis'])).port, 6379);
    const table = await cli(['database-engines', 'list', '-o', 'table'], { env: apiEnv() });
    assert.match(table.stdout, /^ID +NAME +VERSIONS +DEFAULT VERSION +PORT\n/);
  });

  test('the lifecycle: create --wait (password once), list, get, resize, reset-password, users, metrics, delete --wait', async () => {
    const database = await waited(
      ['databases', 'create', '--name', 'cli-db', '--engine', 'postgres', '--plan', 'db-s-1vcpu-1gb', '--region', 'eu-central-1', '--label', 'suite=cli-db', '--backup-hour', '5', '--protect-delete'],
      'creating database cli-db',
    );
    assert.match(database.id, /^db_/);
    assert.equal(database.status, 'online');
    assert.match(database.connection.password, /^[0-9A-Za-z]{32}$/);
    assert.deepEqual([database.backups.hour, database.protection.delete], [5, true]);

    const listed = await cliJson<{ id: string }[]>(['databases', 'list', '--all', '--selector', 'suite=cli-db', '--engine', 'postgres']);
    assert.deepEqual(listed.map((d) => d.id), [database.id]);
    const got = await cliJson(['databases', 'get', database.id]);
    assert.equal(got.connection.password, null);
    const table = await cli(['databases', 'list', '--selector', 'suite=cli-db', '-o', 'table'], { env: apiEnv() });
    assert.match(table.stdout, /^ID +NAME +ENGINE +VERSION +PLAN +NODE COUNT +REGION +STATUS +CREATED AT\n/);

    const resized = await waited(['databases', 'resize', database.id, '--nodes', '2', '--plan', 'db-s-2vcpu-4gb'], `resizing database ${database.id}`);
    assert.deepEqual([resized.type, resized.status], ['resize', 'completed']);
    const after = await cliJson(['databases', 'get', database.id]);
    assert.deepEqual([after.plan, after.node_count], ['db-s-2vcpu-4gb', 2]);
    const noChange = await cli(['databases', 'resize', database.id], { env: apiEnv() });
    assert.equal(noChange.code, 2, noChange.stderr);

    const reset = await waited(['databases', 'reset-password', database.id], `resetting the password of database ${database.id}`);
    assert.match(reset.password, /^[0-9A-Za-z]{32}$/);
    assert.ok(reset.uri.includes(reset.password));

    const user = await waited(['databases', 'users', 'create', database.id, '--name', 'reporting'], 'creating user reporting');
    assert.deepEqual([user.name, user.role], ['reporting', 'normal']);
    assert.match(user.password, /^[0-9A-Za-z]{32}$/);
    const users = await cliJson<{ name: string; password: null }[]>(['databases', 'users', 'list', database.id, '--all']);
    assert.deepEqual(users.map((u) => [u.name, u.password]).sort(), [['cnxadmin', null], ['reporting', null]]);
    const adminDelete = await cli(['databases', 'users', 'delete', database.id, 'cnxadmin'], { env: apiEnv() });
    assert.notEqual(adminDelete.code, 0);
    assert.match(adminDelete.stderr, /admin user/);
    assert.equal((await waited(['databases', 'users', 'delete', database.id, 'reporting'], 'deleting user reporting')).type, 'delete_user');

    const metrics = await cliJson(['databases', 'metrics', database.id, '--type', 'storage', '--step', '300']);
    assert.deepEqual([metrics.database_id, metrics.type, metrics.step], [database.id, 'storage', 300]);
    assert.deepEqual(await cliJson(['databases', 'backups', database.id]), []);

    // Delete protection: refused until turned off (through the API; the CLI has no update command).
    const protectedDelete = await cli(['databases', 'delete', database.id], { env: apiEnv() });
    assert.notEqual(protectedDelete.code, 0);
    assert.match(protectedDelete.stderr, /delete protection/);
  });

  test('a database without protection deletes with --wait; a second create of the name is refused', async () => {
    const created = await cliJson(['databases', 'create', '--name', 'cli-tmp', '--engine', 'redis', '--plan', 'db-m-1vcpu-2gb', '--region', 'eu-central-1', '--no-backups']);
    assert.equal(created.status, 'provisioning');
    assert.equal(created.backups.enabled, false);
    const again = await cli(['databases', 'create', '--name', 'cli-tmp', '--engine', 'redis', '--plan', 'db-m-1vcpu-2gb', '--region', 'eu-central-1'], { env: apiEnv() });
    assert.notEqual(again.code, 0);
    const deleted = await waitUntilDeletable(created.id);
    assert.deepEqual([deleted.type, deleted.status], ['delete', 'completed']);
    assert.equal((await cli(['databases', 'get', created.id], { env: apiEnv() })).code, 4);
  });
});

/** Retries `delete --wait` while the create is still running (409 busy). */
async function waitUntilDeletable(id: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await cli(['databases', 'delete', id, '--wait', '-o', 'json'], { env: apiEnv() });
    if (result.code === 0) return JSON.parse(result.stdout);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${id} never became deletable`);
}
