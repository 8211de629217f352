import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, NotFoundError, UnprocessableEntityError, type Database } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

const spec = { engine: 'postgres', plan: 'db-s-1vcpu-1gb', region: 'eu-west-1' } as const;

export function databaseTests(live: LiveServer) {
  test('databaseEngines: list and retrieve', async () => {
    const client = live.client();
    const engines = await client.databaseEngines.list();
    assert.deepEqual(engines.data.map((e) => e.id), ['mysql', 'postgres', 'redis']);
    const postgres = await client.databaseEngines.retrieve('postgres');
    assert.equal(postgres.port, 5432);
    assert.ok(postgres.plans.some((p) => p.id === spec.plan));
    await assert.rejects(client.databaseEngines.retrieve('oracle'), NotFoundError);
  });

  test('create with wait keeps the one-time password; reads never show it', async () => {
    const client = live.client();
    const database: Database = await client.databases.create({ name: 'sdk-db', ...spec, labels: { suite: 'sdk' } }, { wait: true });
    assert.equal(database.status, 'online');
    assert.match(database.connection.password ?? '', /^[0-9A-Za-z]{32}$/);
    assert.ok(database.connection.uri.includes(database.connection.password as string));
    const read = await client.databases.retrieve(database.id);
    assert.equal(read.connection.password, null);
    const listed = [];
    for await (const d of client.databases.list({ label_selector: 'suite=sdk', limit: 1 })) listed.push(d.id);
    assert.deepEqual(listed, [database.id]);
    await assert.rejects(client.databases.create({ name: 'sdk-db', ...spec }), ConflictError);
    await assert.rejects(client.databases.create({ name: 'sdk-bad', ...spec, version: '9' }), UnprocessableEntityError);
  });

  test('resize, reset the password, update settings and read metrics', async () => {
    const client = live.client();
    const [database] = (await client.databases.list({ label_selector: 'suite=sdk' })).data as [Database];
    const accepted = await client.databases.resize(database.id, { node_count: 2 });
    assert.equal(accepted.status, 'resizing');
    await assert.rejects(client.databases.resize(database.id, { node_count: 3 }), ConflictError);
    await client.actions.waitFor(accepted.action_id);
    const resized = await client.databases.resize(database.id, { plan: 'db-s-2vcpu-4gb' }, { wait: true });
    assert.deepEqual([resized.type, resized.status], ['resize', 'completed']);
    const after = await client.databases.retrieve(database.id);
    assert.deepEqual([after.plan, after.node_count], ['db-s-2vcpu-4gb', 2]);

    const reset = await client.databases.resetPassword(database.id, { wait: true });
    assert.match(reset.password, /^[0-9A-Za-z]{32}$/);
    assert.equal(reset.user, 'cnxadmin');

    const updated = await client.databases.update(database.id, { protection: { delete: true }, backups: { hour: 4 } });
    assert.deepEqual([updated.protection.delete, updated.backups.hour], [true, 4]);
    await assert.rejects(client.databases.delete(database.id), ConflictError);

    const metrics = await client.databases.metrics(database.id, { type: 'connections' });
    assert.equal(metrics.database_id, database.id);
    assert.equal(metrics.series[0]?.name, 'connections');
    assert.deepEqual((await client.databases.backups(database.id)).data, []);
  });

  test('users: create (password once), list, delete; the admin user stays', async () => {
    const client = live.client();
    const [database] = (await client.databases.list({ label_selector: 'suite=sdk' })).data as [Database];
    const created = await client.databases.users.create(database.id, { name: 'app' }, { wait: true });
    assert.equal(created.user.name, 'app');
    assert.match(created.user.password ?? '', /^[0-9A-Za-z]{32}$/);
    const names = (await client.databases.users.list(database.id)).data.map((u) => [u.name, u.status]);
    assert.deepEqual(names.sort(), [['app', 'active'], ['cnxadmin', 'active']]);
    await assert.rejects(client.databases.users.delete(database.id, 'cnxadmin'), ConflictError);
    const deleted = await client.databases.users.delete(database.id, 'app', { wait: true });
    assert.equal(deleted.type, 'delete_user');
    assert.deepEqual((await client.databases.users.list(database.id)).data.map((u) => u.name), ['cnxadmin']);

    await client.databases.update(database.id, { protection: { delete: false } });
    const gone = await client.databases.delete(database.id, { wait: true });
    assert.equal(gone.status, 'completed');
    await assert.rejects(client.databases.retrieve(database.id), NotFoundError);
  });
}
