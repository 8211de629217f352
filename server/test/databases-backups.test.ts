import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { waitFor } from './helpers/instances.js';
import { databaseInput, onlineDatabase, waitForDatabase, waitForDatabaseGone, type DatabaseBody } from './helpers/databases-api.js';
import { ActionsService } from '../src/resources/actions/service.js';
import { DatabaseBackupScheduler } from '../src/resources/databases/backup-scheduler.js';

interface Backup {
  id: string;
  database_id: string;
  engine: string;
  version: string;
  size_mb: number | null;
  status: string;
  created_at: string;
}


for (const kind of DATABASE_KINDS) {
  describe(`database backups and restore (${kind})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      // The frozen manual clock drives the daily slots: no test waits on wall-clock hours.
      ({ t, key } = await createTestAppWithCaller(kind));
    });
    after(() => t.close());

    const get = (url: string) => t.request(key, { method: 'GET', url });
    const backupsOf = async (id: string) => (await get(`/v2/databases/${id}/backups?limit=100`)).json().data as Backup[];
    /** Waits until the database has `count` backups, all settled (none creating or deleting), and returns them. */
    const settled = (id: string, count: number, done: (backups: Backup[]) => boolean = () => true) =>
      waitFor(() => backupsOf(id), (b) => b.length === count && b.every((x) => x.status === 'available') && done(b), `${count} available backup(s) of ${id}`);
    /** Waits until no action is running (catch-up backups of other databases included). */
    const quiet = () => waitFor(() => get('/v2/actions?status=in-progress'), (r) => r.json().data.length === 0, 'actions to settle');

    test('a daily backup at the chosen hour, each slot once even with several schedulers; retention prunes', async () => {
      const db = await onlineDatabase(t, key, { backups: { hour: 9, retention_days: 2 } });
      assert.equal(db.backups.next_backup_at, '2026-01-15T09:00:00Z');
      assert.deepEqual(await backupsOf(db.id), []);

      // Four schedulers (plus the worker's own) race for the 09:00 slot: one backup.
      const others = [1, 2, 3].map(() => new DatabaseBackupScheduler({ database: t.testDb.database, actions: new ActionsService(t.testDb.database.db, t.clock.now), clock: t.clock.now, log: t.app.log, poke: () => t.app.worker.poke() }));
      t.clock.ms = Date.UTC(2026, 0, 15, 9, 0, 30);
      const fired = await Promise.all([t.app.periodic.runNow('database backups'), ...others.map((s) => s.tick())]);
      assert.ok((fired as number[]).reduce((a, b) => a + b, 0) <= 1, `fired ${fired}`);
      const [first] = await settled(db.id, 1);
      assert.deepEqual([first?.engine, first?.version, first?.created_at], ['postgres', '17', '2026-01-15T09:00:30Z']);
      assert.ok((first?.size_mb ?? 0) > 0, JSON.stringify(first));
      assert.equal((await get(`/v2/databases/${db.id}`)).json().backups.next_backup_at, '2026-01-16T09:00:00Z');
      await sleep(100); // the worker keeps ticking: still one backup
      assert.equal((await backupsOf(db.id)).length, 1);

      t.clock.ms = Date.UTC(2026, 0, 16, 9, 0, 30);
      await settled(db.id, 2);
      // Day three: the first backup is older than two days and goes; the new one comes.
      t.clock.ms = Date.UTC(2026, 0, 17, 9, 0, 31);
      const kept = await settled(db.id, 2, (b) => !b.some((x) => x.id === first?.id));
      assert.deepEqual(kept.map((b) => b.created_at), ['2026-01-17T09:00:31Z', '2026-01-16T09:00:30Z']);
    });

    test('a slot missed while down fires once on catch-up; disabled backups take none', async () => {
      t.clock.ms = Date.UTC(2026, 0, 18, 0, 0, 0);
      const db = await onlineDatabase(t, key, { backups: { hour: 3 } });
      const off = await onlineDatabase(t, key, { backups: { enabled: false } });
      t.clock.ms = Date.UTC(2026, 0, 20, 12, 0, 0); // two and a half days later
      await settled(db.id, 1);
      assert.equal((await get(`/v2/databases/${db.id}`)).json().backups.next_backup_at, '2026-01-21T03:00:00Z');
      assert.deepEqual(await backupsOf(off.id), []);

      // Turning backups on (and moving the hour) counts the next slot from now.
      const patched = await t.request(key, { method: 'PATCH', url: `/v2/databases/${off.id}`, payload: { backups: { enabled: true, hour: 13 } } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(patched.json().backups, { enabled: true, retention_days: 7, hour: 13, next_backup_at: '2026-01-20T13:00:00Z' });
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'PATCH', url: `/v2/databases/${off.id}`, payload: { backups: { hour: -1 } } }), 400)), ['backups.hour']);
    });

    test('restore into a new database: it keeps the engine, version and region of the backup', async () => {
      t.clock.ms = Date.UTC(2026, 1, 1, 0, 0, 0);
      const source = await onlineDatabase(t, key, { engine: 'mysql', version: '8.0', backups: { hour: 1 } });
      t.clock.ms = Date.UTC(2026, 1, 1, 1, 0, 5);
      const [backup] = await settled(source.id, 1);
      const backupId = (backup as Backup).id;

      const post = (payload: object) => t.request(key, { method: 'POST', url: '/v2/databases', payload });
      const restore = (overrides: object) => ({ name: `restored-${Math.random().toString(36).slice(2, 8)}`, plan: 'db-s-2vcpu-4gb', restore_from: { backup_id: backupId }, ...overrides });
      assert.deepEqual(fields(assertError(await post(restore({ engine: 'postgres' })), 422)), ['engine']);
      assert.deepEqual(fields(assertError(await post(restore({ version: '8.4' })), 422)), ['version']);
      assert.deepEqual(fields(assertError(await post(restore({ region: 'us-east-1' })), 422)), ['region']);
      assert.deepEqual(fields(assertError(await post(restore({ plan: 'db-m-1vcpu-2gb' })), 422)), ['plan']);
      assert.deepEqual(fields(assertError(await post(restore({ restore_from: {} })), 400)), ['restore_from.backup_id']);

      const response = await post(restore({}));
      assert.equal(response.statusCode, 201, response.body);
      const restored = response.json() as DatabaseBody;
      assert.deepEqual([restored.engine, restored.version, restored.region, restored.restored_from], ['mysql', '8.0', source.region, backupId]);
      assert.ok(restored.connection.password);
      assert.notEqual(restored.connection.host, source.connection.host);
      await waitForDatabase(t, key, restored.id);

      // Another account cannot restore it.
      const other = await t.newCaller();
      assert.deepEqual(
        fields(assertError(await t.request(other.key, { method: 'POST', url: '/v2/databases', payload: databaseInput({ restore_from: { backup_id: backupId } }) }), 422)),
        ['restore_from.backup_id'],
      );

      // Deleting the source deletes its backups: restoring from one is then refused.
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/databases/${source.id}` })).statusCode, 202);
      await waitForDatabaseGone(t, key, source.id);
      assert.deepEqual(fields(assertError(await post(restore({})), 422)), ['restore_from.backup_id']);
      assert.equal((await get(`/v2/databases/${restored.id}`)).json().status, 'online');
    });

    test('a backup that keeps failing leaves no backup behind, and the next slot still fires', async () => {
      t.clock.ms = Date.UTC(2026, 2, 1, 0, 0, 0);
      const db = await onlineDatabase(t, key, { backups: { hour: 5 } });
      // Let the other databases' backups (catch-up, and their slots before 05:00) run first: the
      // planned failures are for this one.
      t.clock.ms = Date.UTC(2026, 2, 1, 4, 59, 0);
      await sleep(100);
      await quiet();
      t.databases.faults.failNext('create_backup', 3);
      t.clock.ms = Date.UTC(2026, 2, 1, 5, 0, 1);
      const action = await waitFor(
        async () => {
          t.clock.advance(5_000); // retries back off on the frozen clock
          return ((await get(`/v2/actions?status=errored&limit=100`)).json().data as { resource_type: string; error: string }[]).find((a) => a.resource_type === 'database_backup');
        },
        (a) => a !== undefined,
        'the backup action to error',
      );
      assert.match(action?.error ?? '', /simulated create backup failure/);
      await waitFor(() => backupsOf(db.id), (b) => b.length === 0, 'the failed backup to go');
      t.clock.ms = Date.UTC(2026, 2, 2, 5, 0, 1);
      await settled(db.id, 1);
    });
  });
}
