import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { waitFor, waitForAction } from './helpers/instances.js';
import { createDatabase, databaseInput, onlineDatabase, waitForDatabase, waitForDatabaseGone, type DatabaseBody } from './helpers/databases-api.js';

for (const kind of DATABASE_KINDS) {
  describe(`managed databases (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind));
    });
    after(() => t.close());

    const get = (url: string, as = key) => t.request(as, { method: 'GET', url });
    const post = (payload: object, headers: Record<string, string> = {}) => t.request(key, { method: 'POST', url: '/v2/databases', payload, headers });
    const put = (url: string, payload?: object, as = key) => t.request(as, { method: 'PUT', url, ...(payload ? { payload } : {}) });
    const patch = (id: string, payload: object) => t.request(key, { method: 'PATCH', url: `/v2/databases/${id}`, payload });
    const del = (url: string, as = key) => t.request(as, { method: 'DELETE', url });

    test('GET /v2/database_engines: postgres, mysql and redis with versions and plans', async () => {
      const response = await get('/v2/database_engines');
      assert.equal(response.statusCode, 200, response.body);
      const engines = response.json().data as { id: string; versions: string[]; default_version: string; port: number; plans: { id: string; storage_gb: number }[] }[];
      assert.deepEqual(engines.map((e) => e.id), ['mysql', 'postgres', 'redis']);
      for (const engine of engines) {
        assert.ok(engine.versions.includes(engine.default_version));
        assert.ok(engine.plans.length > 0);
      }
      const postgres = (await get('/v2/database_engines/postgres')).json();
      assert.equal(postgres.port, 5432);
      assertError(await get('/v2/database_engines/oracle'), 404);
      const first = (await get('/v2/database_engines?limit=2')).json();
      const rest = (await get(`/v2/database_engines?limit=2&cursor=${first.pagination.next_cursor}`)).json();
      assert.deepEqual(rest.data.map((e: { id: string }) => e.id), ['redis']);
    });

    test('create: provisioning with the password once, then online; reads never show it', async () => {
      const response = await post(databaseInput({ name: 'orders', node_count: 2, labels: { team: 'shop' } }));
      assert.equal(response.statusCode, 201, response.body);
      assert.match(String(response.headers.location), /^\/v2\/databases\/db_[0-9a-f]{16}$/);
      const created = response.json() as DatabaseBody;
      assert.match(created.id, /^db_/);
      assert.deepEqual([created.status, created.engine, created.version, created.node_count], ['provisioning', 'postgres', '17', 2]);
      const { connection } = created;
      assert.match(connection.password as string, /^[0-9A-Za-z]{32}$/);
      assert.equal(connection.uri, `postgresql://cnxadmin:${connection.password}@${connection.host}:5432/defaultdb`);
      assert.deepEqual(created.backups, { enabled: true, retention_days: 7, hour: 2, next_backup_at: '2026-01-16T02:00:00Z' });
      assert.deepEqual(created.protection, { delete: false });

      // The default network of the region, as for instances; the host is an address allocated in it.
      const network = (await get(`/v2/networks/${created.network_id}`)).json();
      assert.equal(network.default, true);
      assert.equal(network.region, 'eu-west-1');
      assert.ok(connection.host.startsWith(network.ip_range.split('.').slice(0, 2).join('.')), `${connection.host} in ${network.ip_range}`);

      const online = await waitForDatabase(t, key, created.id);
      assert.equal(online.connection.password, null);
      assert.equal(online.connection.uri, `postgresql://cnxadmin@${connection.host}:5432/defaultdb`);
      const listed = (await get('/v2/databases?label_selector=team%3Dshop')).json().data as DatabaseBody[];
      assert.deepEqual(listed.map((d) => [d.id, d.connection.password]), [[created.id, null]]);
      assert.doesNotMatch((await get('/v2/databases?limit=100')).body, new RegExp(connection.password as string));

      const users = (await get(`/v2/databases/${created.id}/users`)).json().data;
      assert.deepEqual(users.map((u: { name: string; role: string; status: string; password: null }) => [u.name, u.role, u.status, u.password]), [['cnxadmin', 'admin', 'active', null]]);
      const account = (await get('/v2/account')).json();
      assert.ok(account.quotas.databases.used >= 1);
      assert.equal(account.quotas.databases.limit, 100);
    });

    test('each engine gets its port, user, database and URI scheme', async () => {
      const mysql = await createDatabase(t, key, { engine: 'mysql', version: '8.0' });
      assert.match(mysql.connection.uri, /^mysql:\/\/cnxadmin:[0-9A-Za-z]{32}@[\d.]+:3306\/defaultdb$/);
      const redis = await createDatabase(t, key, { engine: 'redis', plan: 'db-m-1vcpu-2gb' });
      assert.match(redis.connection.uri, /^redis:\/\/default:[0-9A-Za-z]{32}@[\d.]+:6379\/0$/);
      assert.equal(redis.version, '7.2');
      // Two databases in one network never share an address.
      assert.notEqual(mysql.connection.host, redis.connection.host);
    });

    test('validation: 400 for malformed input, 422 for what the catalog or account refuses', async () => {
      const bad = async (overrides: Record<string, unknown>, status: number, expected: string[]) =>
        assert.deepEqual(fields(assertError(await post(databaseInput(overrides)), status)), expected, JSON.stringify(overrides));
      await bad({ name: '-bad-' }, 400, ['name']);
      await bad({ engine: 'oracle' }, 400, ['engine']);
      await bad({ node_count: 4 }, 400, ['node_count']);
      await bad({ node_count: 0 }, 400, ['node_count']);
      await bad({ size: 10 }, 400, ['size']);
      await bad({ backups: { retention_days: 36 } }, 400, ['backups.retention_days']);
      await bad({ backups: { hour: 24 } }, 400, ['backups.hour']);
      await bad({ protection: { delete: 'yes' } }, 400, ['protection.delete']);
      await bad({ labels: { 'bad key!': 'x' } }, 400, ['labels.bad key!']);
      await bad({ engine: undefined }, 422, ['engine']);
      await bad({ region: undefined }, 422, ['region']);
      await bad({ region: 'mars-1' }, 422, ['region']);
      await bad({ version: '9' }, 422, ['version']);
      await bad({ engine: 'redis' }, 422, ['plan']);
      await bad({ network_id: 'net_0000000000000000' }, 422, ['network_id']);
      const elsewhere = (await get(`/v2/databases/${(await createDatabase(t, key, { region: 'us-east-1' })).id}`)).json() as DatabaseBody;
      await bad({ network_id: elsewhere.network_id }, 422, ['network_id']);
      await bad({ restore_from: { backup_id: 'dbb_0000000000000000' } }, 422, ['restore_from.backup_id']);
      const taken = await createDatabase(t, key);
      assert.deepEqual(fields(assertError(await post(databaseInput({ name: taken.name })), 409)), ['name']);
    });

    test('Idempotency-Key: a replay answers the first response without the password, and creates nothing', async () => {
      const payload = databaseInput();
      const first = await post(payload, { 'idempotency-key': 'db-create-1' });
      assert.equal(first.statusCode, 201);
      assert.ok(first.json().connection.password);
      const replay = await post(payload, { 'idempotency-key': 'db-create-1' });
      assert.equal(replay.statusCode, 201);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal(replay.json().id, first.json().id);
      assert.equal(replay.json().connection.password, null);
      assert.equal(replay.json().connection.uri, `postgresql://cnxadmin@${first.json().connection.host}:5432/defaultdb`);
      assert.deepEqual(fields(assertError(await post({ ...payload, node_count: 3 }, { 'idempotency-key': 'db-create-1' }), 422)), ['Idempotency-Key']);
      const named = (await get('/v2/databases?limit=100')).json().data.filter((d: DatabaseBody) => d.name === payload.name);
      assert.equal(named.length, 1);
    });

    test('resize: resizing, one action at a time, then online with the new plan and nodes', async () => {
      const db = await createDatabase(t, key);
      assertError(await put(`/v2/databases/${db.id}/resize`, { node_count: 3 }), 409); // still provisioning
      await waitForDatabase(t, key, db.id);
      assert.deepEqual(fields(assertError(await put(`/v2/databases/${db.id}/resize`, {}), 400)), ['body']);
      assert.deepEqual(fields(assertError(await put(`/v2/databases/${db.id}/resize`, { plan: 'db-m-1vcpu-2gb' }), 422)), ['plan']);
      assertError(await put(`/v2/databases/${db.id}/resize`, { plan: db.plan, node_count: 1 }), 409); // nothing to change
      const accepted = await put(`/v2/databases/${db.id}/resize`, { plan: 'db-g-2vcpu-8gb', node_count: 3 });
      assert.equal(accepted.statusCode, 202, accepted.body);
      assert.equal(accepted.json().status, 'resizing');
      assert.match(String(accepted.headers.location), /^\/v2\/actions\//);
      assert.equal((await get(`/v2/databases/${db.id}`)).json().status, 'resizing');
      assertError(await put(`/v2/databases/${db.id}/resize`, { node_count: 2 }), 409, 'resource_busy');
      await waitForAction(t, key, accepted.json().action_id, 'completed');
      const resized = await waitForDatabase(t, key, db.id);
      assert.deepEqual([resized.plan, resized.node_count], ['db-g-2vcpu-8gb', 3]);
      // Storage only grows.
      assert.deepEqual(fields(assertError(await put(`/v2/databases/${db.id}/resize`, { plan: 'db-s-1vcpu-1gb' }), 422)), ['plan']);
    });

    test('concurrent changes: exactly one takes the action slot, the others are 409', async () => {
      const db = await onlineDatabase(t, key);
      const responses = await Promise.all([
        put(`/v2/databases/${db.id}/resize`, { node_count: 2 }),
        put(`/v2/databases/${db.id}/resize`, { node_count: 3 }),
        put(`/v2/databases/${db.id}/reset_password`),
        t.request(key, { method: 'POST', url: `/v2/databases/${db.id}/users`, payload: { name: 'racer_a' } }),
        t.request(key, { method: 'POST', url: `/v2/databases/${db.id}/users`, payload: { name: 'racer_b' } }),
      ]);
      const won = responses.filter((r) => r.statusCode === 202 || r.statusCode === 201);
      assert.equal(won.length, 1, responses.map((r) => r.statusCode).join(','));
      for (const lost of responses.filter((r) => !won.includes(r))) assertError(lost, 409);
      await waitForDatabase(t, key, db.id);
    });

    test('a failed resize goes back online with the old plan', async () => {
      const db = await onlineDatabase(t, key);
      t.databases.faults.failNext('resize_database', 3);
      const accepted = (await put(`/v2/databases/${db.id}/resize`, { node_count: 2 })).json();
      // Retries back off on the (frozen) clock: move it on until the action gives up.
      await waitFor(async () => { t.clock.advance(5_000); return (await get(`/v2/actions/${accepted.action_id}`)).json(); }, (a) => a.status === 'errored', 'the resize to fail');
      const back = await waitForDatabase(t, key, db.id);
      assert.deepEqual([back.status, back.node_count], ['online', 1]);
    });

    test('reset_password: a new password shown once, through an action', async () => {
      const db = await createDatabase(t, key);
      assertError(await put(`/v2/databases/${db.id}/reset_password`), 409);
      await waitForDatabase(t, key, db.id);
      const reset = await put(`/v2/databases/${db.id}/reset_password`);
      assert.equal(reset.statusCode, 202, reset.body);
      const body = reset.json();
      assert.equal(body.user, 'cnxadmin');
      assert.match(body.password, /^[0-9A-Za-z]{32}$/);
      assert.notEqual(body.password, db.connection.password);
      assert.equal(body.uri, `postgresql://cnxadmin:${body.password}@${db.connection.host}:5432/defaultdb`);
      assertError(await put(`/v2/databases/${db.id}/reset_password`), 409); // busy
      await waitForAction(t, key, body.action_id, 'completed');
      assert.equal((await get(`/v2/databases/${db.id}`)).json().connection.password, null);
    });

    test('delete protection: 409 while on; PATCH turns it off; delete releases the address', async () => {
      const db = await onlineDatabase(t, key, { protection: { delete: true } });
      assertError(await del(`/v2/databases/${db.id}`), 409, 'delete_protected');
      assertError(await patch(db.id, {}), 400);
      assertError(await patch(db.id, { protection: { delete: false }, name: 'x' }), 400);
      const updated = await patch(db.id, { protection: { delete: false }, labels: { env: 'test' } });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.deepEqual([updated.json().protection, updated.json().labels], [{ delete: false }, { env: 'test' }]);
      const deleted = await del(`/v2/databases/${db.id}`);
      assert.equal(deleted.statusCode, 202, deleted.body);
      assert.equal(deleted.json().status, 'deleting');
      assertError(await del(`/v2/databases/${db.id}`), 409);
      assertError(await patch(db.id, { labels: {} }), 409);
      await waitForDatabaseGone(t, key, db.id);
      assert.equal((await get(`/v2/databases/${db.id}/users`)).statusCode, 404);
      // Its address is free again: the next database in the network may get it.
      const next = await createDatabase(t, key, { network_id: db.network_id });
      assert.equal(next.connection.host, db.connection.host);
      await waitForDatabase(t, key, next.id);
    });

    test('a create that keeps failing errors its action and removes the database and its address', async () => {
      t.databases.faults.failNext('create_database', 3);
      const db = await createDatabase(t, key);
      const action = (await get(`/v2/actions?resource_id=${db.id}`)).json().data[0];
      await waitFor(async () => { t.clock.advance(5_000); return (await get(`/v2/actions/${action.id}`)).json(); }, (a) => a.status === 'errored', 'the create to fail');
      assert.match((await get(`/v2/actions/${action.id}`)).json().error, /simulated create database failure/);
      await waitForDatabaseGone(t, key, db.id);
      const next = await createDatabase(t, key, { network_id: db.network_id });
      assert.equal(next.connection.host, db.connection.host);
    });

    test('users: create shows the password once; names checked; the admin user stays', async () => {
      const db = await onlineDatabase(t, key);
      const users = `/v2/databases/${db.id}/users`;
      t.clock.advance(1000); // newest first: the new user sorts before the admin
      const create = (name: unknown, headers: Record<string, string> = {}) => t.request(key, { method: 'POST', url: users, payload: { name }, headers });
      for (const name of ['Bad', '1st', 'has-dash', 'a'.repeat(64), '']) assert.deepEqual(fields(assertError(await create(name), 400)), ['name'], String(name));
      for (const name of ['postgres', 'cnxadmin', 'pg_monitor']) assert.deepEqual(fields(assertError(await create(name), 422)), ['name'], name);

      const created = await create('app_rw', { 'idempotency-key': 'user-app_rw' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.headers.location, `${users}/app_rw`);
      const { user, action_id: actionId } = created.json();
      assert.deepEqual([user.name, user.role, user.status], ['app_rw', 'normal', 'creating']);
      assert.match(user.password, /^[0-9A-Za-z]{32}$/);
      const replay = await create('app_rw', { 'idempotency-key': 'user-app_rw' });
      assert.deepEqual([replay.statusCode, replay.headers['idempotent-replayed'], replay.json().user.password], [201, 'true', null]);
      assertError(await create('app_ro'), 409); // the database is busy with the first user
      await waitForAction(t, key, actionId, 'completed');
      assert.deepEqual(fields(assertError(await create('app_rw'), 409)), ['name']);

      const listed = (await get(users)).json().data as { name: string; status: string; password: null }[];
      assert.deepEqual(listed.map((u) => [u.name, u.status, u.password]), [['app_rw', 'active', null], ['cnxadmin', 'active', null]]);
      const page = (await get(`${users}?limit=1`)).json();
      assert.equal(page.pagination.has_more, true);
      assert.deepEqual((await get(`${users}?limit=1&cursor=${page.pagination.next_cursor}`)).json().data.map((u: { name: string }) => u.name), ['cnxadmin']);
      assertError(await get(`/v2/databases?cursor=${page.pagination.next_cursor}`), 400); // a cursor of another list

      assertError(await del(`${users}/cnxadmin`), 409, 'invalid_state');
      assertError(await del(`${users}/nobody`), 404);
      const removed = await del(`${users}/app_rw`);
      assert.equal(removed.statusCode, 202, removed.body);
      assert.equal((await get(users)).json().data.find((u: { name: string }) => u.name === 'app_rw').status, 'deleting');
      await waitForAction(t, key, removed.json().action_id, 'completed');
      assert.deepEqual((await get(users)).json().data.map((u: { name: string }) => u.name), ['cnxadmin']);
    });

    test('metrics: connections, CPU and storage over a range', async () => {
      const db = await onlineDatabase(t, key, { node_count: 2 });
      for (const [type, name, unit] of [['connections', 'connections', 'count'], ['cpu', 'cpu_utilization', 'percent'], ['storage', 'storage_used', 'gigabytes']]) {
        const response = await get(`/v2/databases/${db.id}/metrics?type=${type}&step=60&start=2026-01-15T07:00:00Z&end=2026-01-15T08:00:00Z`);
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json();
        assert.equal(body.database_id, db.id);
        assert.deepEqual([body.series[0].name, body.series[0].unit], [name, unit]);
        assert.equal(body.series[0].points.length, 61);
      }
      const storage = (await get(`/v2/databases/${db.id}/metrics?type=storage&start=2026-01-15T08:30:00Z&end=2026-01-15T08:40:00Z`)).json();
      assert.ok(storage.series[0].points.at(-1).value > 0);
      assert.deepEqual(fields(assertError(await get(`/v2/databases/${db.id}/metrics?type=memory`), 400)), ['type']);
      assert.deepEqual(fields(assertError(await get(`/v2/databases/${db.id}/metrics?type=cpu&start=2026-01-15T09:00:00Z&end=2026-01-15T08:00:00Z`), 422)), ['start']);
    });

    test('pagination and filters over the list', async () => {
      const redis = await createDatabase(t, key, { engine: 'redis', plan: 'db-m-1vcpu-2gb', region: 'ap-southeast-1' });
      const inRegion = (await get('/v2/databases?region=ap-southeast-1&engine=redis')).json().data;
      assert.deepEqual(inRegion.map((d: DatabaseBody) => d.id), [redis.id]);
      const all = (await get('/v2/databases?limit=100')).json().data as DatabaseBody[];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await get(`/v2/databases?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        const body = response.json();
        seen.push(...body.data.map((d: DatabaseBody) => d.id));
        cursor = body.pagination.next_cursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((d) => d.id));
      assertError(await get('/v2/databases?cursor=tampered.cursor'), 400);
      assertError(await get('/v2/databases?limit=101'), 400);
    });

    test('another account gets 404 on every database route and cannot restore its backups', async () => {
      const db = await onlineDatabase(t, key);
      const other = await t.newCaller();
      for (const [method, url, payload] of [
        ['GET', `/v2/databases/${db.id}`],
        ['PATCH', `/v2/databases/${db.id}`, { labels: {} }],
        ['DELETE', `/v2/databases/${db.id}`],
        ['PUT', `/v2/databases/${db.id}/resize`, { node_count: 2 }],
        ['PUT', `/v2/databases/${db.id}/reset_password`],
        ['GET', `/v2/databases/${db.id}/metrics?type=cpu`],
        ['GET', `/v2/databases/${db.id}/users`],
        ['POST', `/v2/databases/${db.id}/users`, { name: 'intruder' }],
        ['DELETE', `/v2/databases/${db.id}/users/cnxadmin`],
        ['GET', `/v2/databases/${db.id}/backups`],
      ] as [string, string, object?][]) {
        assertError(await t.request(other.key, { method: method as 'GET', url, ...(payload ? { payload } : {}) }), 404);
      }
      assert.equal((await get('/v2/databases', other.key)).json().data.length, 0);
      assert.deepEqual(fields(assertError(await t.request(other.key, { method: 'POST', url: '/v2/databases', payload: databaseInput({ network_id: db.network_id }) }), 422)), ['network_id']);
      assert.equal((await get(`/v2/databases/${db.id}`)).json().status, 'online');
    });

    test('quota: a free account may have two databases', async () => {
      const free = await t.newCaller('free');
      for (let i = 0; i < 2; i++) assert.equal((await t.request(free.key, { method: 'POST', url: '/v2/databases', payload: databaseInput() })).statusCode, 201);
      const refused = assertError(await t.request(free.key, { method: 'POST', url: '/v2/databases', payload: databaseInput() }), 422);
      assert.deepEqual(fields(refused), ['quota']);
      assert.match(refused.error.message + refused.error.details[0]?.message, /Database quota exceeded: 2 of 2/);
    });

    test('a full network is a 422 naming network_id', async () => {
      const vpc = (await t.request(key, { method: 'POST', url: '/v2/vpcs', payload: { name: 'tiny', region: 'eu-west-1', ip_range: '10.77.0.0/24' } })).json();
      const network = (await t.request(key, { method: 'POST', url: '/v2/networks', payload: { name: 'tiny', vpc_id: vpc.id, ip_range: '10.77.0.0/29', environment: 'staging' } })).json();
      const hosts = [];
      for (let i = 0; i < 5; i++) hosts.push((await createDatabase(t, key, { network_id: network.id })).connection.host);
      assert.deepEqual(hosts, ['10.77.0.2', '10.77.0.3', '10.77.0.4', '10.77.0.5', '10.77.0.6']);
      const full = assertError(await post(databaseInput({ network_id: network.id })), 422);
      assert.deepEqual(fields(full), ['network_id']);
      assert.match(full.error.details[0]?.message ?? '', /no free addresses/);
      // A network with databases in it cannot be deleted.
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/networks/${network.id}` }), 409, 'has_dependents');
    });

    test('methods a path does not have are 405', async () => {
      assertError(await t.request(key, { method: 'PUT', url: '/v2/databases' }), 405);
      assertError(await t.request(key, { method: 'POST', url: '/v2/databases/db_0000000000000000' }), 405);
      assertError(await t.request(key, { method: 'GET', url: '/v2/databases/db_0000000000000000/resize' }), 405);
    });
  });
}
