import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';
import { waitFor, waitForResource } from './helpers/instances.js';
import { BackupScheduler } from '../src/resources/backup-policies/scheduler.js';
import { EventsRecorder } from '../src/resources/events/recorder.js';
import { ActionsService } from '../src/resources/actions/service.js';

interface SnapshotBody {
  id: string;
  volume_id: string;
  status: string;
  created_at: string;
}

const HOUR = 3_600_000;

for (const kind of DATABASE_KINDS) {
  describe(`backup policies and the scheduler (${kind})`, () => {
    let t: TestApp;
    let key: string;
    const volumes: string[] = [];
    before(async () => {
      // The frozen manual clock drives the scheduler: no test waits on wall-clock minutes.
      ({ t, key } = await createTestAppWithCaller(kind));
      for (const [name, labels] of [['db-1', { backup: 'hourly' }], ['db-2', { backup: 'hourly' }], ['scratch', {}]] as const) {
        const response = await t.request(key, { method: 'POST', url: '/v2/volumes', payload: { name, region: 'eu-west-1', size_gb: 10, labels } });
        assert.equal(response.statusCode, 201, response.body);
        volumes.push((await waitForResource<{ id: string; status: string }>(t, key, `/v2/volumes/${response.json().id}`, 'available')).id);
      }
    });
    after(() => t.close());

    const create = (payload: object) => t.request(key, { method: 'POST', url: '/v2/backup_policies', payload });
    const policySnapshots = async (policyName: string) => {
      const all = (await t.request(key, { method: 'GET', url: '/v2/snapshots?limit=100' })).json().data as (SnapshotBody & { name: string })[];
      return all.filter((s) => s.name.startsWith(`${policyName}-`));
    };
    /** Moves the clock, waits for the policy to fire `slot`, then for its snapshot actions to settle. */
    async function advanceTo(ms: number, policyId: string, slot: string, policyName: string, expectedPerVolume: number, targets: string[]) {
      t.clock.ms = ms;
      await waitFor(
        () => t.request(key, { method: 'GET', url: `/v2/backup_policies/${policyId}` }),
        (r) => r.json().last_run_at === slot,
        `${policyName} to fire ${slot}`,
      );
      await waitFor(
        () => policySnapshots(policyName),
        (snaps) => targets.every((v) => snaps.filter((s) => s.volume_id === v && s.status === 'available').length === expectedPerVolume) && snaps.every((s) => s.status === 'available'),
        `${expectedPerVolume} available snapshot(s) per volume for ${policyName}`,
      );
      return policySnapshots(policyName);
    }

    test('validation: schedule, retention and targets', async () => {
      for (const schedule of ['61 * * * *', '* * *', '*/5 * * * * *', 'every day']) {
        assert.deepEqual(fields(assertError(await create({ name: 'p', schedule, retention_count: 3, label_selector: 'a' }), 400)), ['schedule'], schedule);
      }
      assert.deepEqual(fields(assertError(await create({ name: 'p', schedule: '0 3 * * *', retention_count: 0, label_selector: 'a' }), 400)), ['retention_count']);
      assert.deepEqual(fields(assertError(await create({ name: 'p', schedule: '0 3 * * *', retention_count: 3 }), 400)), ['volume_ids']);
      assert.deepEqual(fields(assertError(await create({ name: 'p', schedule: '0 3 * * *', retention_count: 3, label_selector: 'a', volume_ids: [volumes[0]] }), 400)), ['volume_ids']);
      assert.deepEqual(fields(assertError(await create({ name: 'p', schedule: '0 3 * * *', retention_count: 3, volume_ids: ['vol_0000000000000000'] }), 422)), ['volume_ids[0]']);
      assert.deepEqual(fields(assertError(await create({ name: 'p', schedule: '0 3 * * *', retention_count: 3, label_selector: 'a in (' }), 400)), ['label_selector']);
    });

    test('fires at its slot, catches up once after downtime, and prunes beyond retention', async () => {
      const start = t.clock.ms; // 08:30:05Z
      const created = await create({ name: 'hourly', schedule: '0 * * * *', retention_count: 2, label_selector: 'backup=hourly' });
      assert.equal(created.statusCode, 201, created.body);
      const policy = created.json();
      assert.match(policy.id, /^bkp_/);
      assert.deepEqual([policy.next_run_at, policy.last_run_at, policy.enabled], ['2026-01-15T09:00:00Z', null, true]);
      const targets = [volumes[0], volumes[1]] as string[];

      t.clock.ms = start + 10 * 60_000; // 08:40: nothing is due
      assert.equal(await t.app.periodic.runNow('backup policies'), 0);
      assert.equal((await policySnapshots('hourly')).length, 0);

      const first = await advanceTo(Date.UTC(2026, 0, 15, 9, 0, 0), policy.id, '2026-01-15T09:00:00Z', 'hourly', 1, targets);
      assert.deepEqual(first.map((s) => s.volume_id).sort(), [...targets].sort(), 'only the labelled volumes');
      let current = (await t.request(key, { method: 'GET', url: `/v2/backup_policies/${policy.id}` })).json();
      assert.deepEqual([current.last_run_at, current.next_run_at], ['2026-01-15T09:00:00Z', '2026-01-15T10:00:00Z']);

      // Five hours of downtime: the missed slots fire once, not five times.
      const caughtUp = await advanceTo(Date.UTC(2026, 0, 15, 14, 0, 30), policy.id, '2026-01-15T10:00:00Z', 'hourly', 2, targets);
      assert.equal(caughtUp.length, 4);
      current = (await t.request(key, { method: 'GET', url: `/v2/backup_policies/${policy.id}` })).json();
      assert.deepEqual([current.last_run_at, current.next_run_at], ['2026-01-15T10:00:00Z', '2026-01-15T15:00:00Z']);

      // A third run keeps two per volume: the oldest go.
      const firstIds = new Set(first.map((s) => s.id));
      const pruned = await advanceTo(Date.UTC(2026, 0, 15, 15, 0, 0), policy.id, '2026-01-15T15:00:00Z', 'hourly', 2, targets);
      assert.equal(pruned.length, 4);
      assert.ok(pruned.every((s) => !firstIds.has(s.id)), 'the first run\'s snapshots were deleted');
      await t.request(key, { method: 'PUT', url: `/v2/backup_policies/${policy.id}`, payload: { enabled: false } });
    });

    test('with several schedulers on one database, each slot fires exactly once', async () => {
      t.clock.ms = Date.UTC(2026, 0, 16, 0, 0, 0);
      const policy = (await create({ name: 'shared', schedule: '30 * * * *', retention_count: 10, volume_ids: [volumes[2]] })).json();
      const others = [1, 2, 3].map(() => new BackupScheduler({ database: t.testDb.database, actions: new ActionsService(t.testDb.database.db, t.clock.now), clock: t.clock.now, events: new EventsRecorder(t.clock.now), log: t.app.log, poke: () => t.app.worker.poke() }));
      t.clock.ms = Date.UTC(2026, 0, 16, 0, 30, 0);
      const fired = await Promise.all([t.app.periodic.runNow('backup policies'), ...others.map((s) => s.tick())]);
      assert.ok((fired as number[]).reduce((a, b) => a + b, 0) <= 1, `fired ${fired}`);
      const snaps = await advanceTo(t.clock.ms, policy.id, '2026-01-16T00:30:00Z', 'shared', 1, [volumes[2] as string]);
      assert.equal(snaps.length, 1);
    });

    test('a disabled policy does not fire; re-enabled, it counts from now', async () => {
      t.clock.ms = Date.UTC(2026, 0, 17, 0, 0, 0);
      const policy = (await create({ name: 'paused', schedule: '0 * * * *', retention_count: 3, volume_ids: [volumes[0]], enabled: false })).json();
      t.clock.ms += 3 * HOUR;
      await t.app.periodic.runNow('backup policies');
      assert.equal((await policySnapshots('paused')).length, 0);
      const enabled = (await t.request(key, { method: 'PUT', url: `/v2/backup_policies/${policy.id}`, payload: { enabled: true } })).json();
      assert.equal(enabled.next_run_at, '2026-01-17T04:00:00Z');
      assert.deepEqual(fields(assertError(await t.request(key, { method: 'PUT', url: `/v2/backup_policies/${policy.id}`, payload: { schedule: 'nope' } }), 400)), ['schedule']);
      assertError(await t.request(key, { method: 'PUT', url: `/v2/backup_policies/${policy.id}`, payload: {} }), 400);
    });

    test('tenancy, list and delete', async () => {
      const policy = (await create({ name: 'mine', schedule: '0 3 * * *', retention_count: 7, label_selector: 'x=y' })).json();
      const other = await t.newCaller();
      assertError(await t.request(other.key, { method: 'GET', url: `/v2/backup_policies/${policy.id}` }), 404);
      assertError(await t.request(other.key, { method: 'DELETE', url: `/v2/backup_policies/${policy.id}` }), 404);
      assertError(await t.request(other.key, { method: 'PUT', url: `/v2/backup_policies/${policy.id}`, payload: { name: 'x' } }), 404);
      assert.equal((await t.request(other.key, { method: 'GET', url: '/v2/backup_policies' })).json().data.length, 0);
      assert.ok((await t.request(key, { method: 'GET', url: '/v2/backup_policies' })).json().data.some((p: { id: string }) => p.id === policy.id));
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/backup_policies/${policy.id}` })).statusCode, 204);
      assertError(await t.request(key, { method: 'GET', url: `/v2/backup_policies/${policy.id}` }), 404);
    });
  });
}
