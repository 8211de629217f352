// kill -9 the server while creates are in flight, restart it, and check nothing acknowledged was
// lost or duplicated, every action finished, and the SQLite file is intact.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { SqliteDatabase as Database } from '../server/src/db/sqlite-binding.js';
import { cli, kill9, request, startServer, stop, type RunningServer } from './helpers/server.js';

const SERVER_ARGS = ['--sim-delay-ms', '300', '--action-lease-ms', '2000', '--worker-poll-ms', '50'];

interface Burst {
  region: string;
  /** Create number → the instance id its 201 named. */
  acknowledged: Map<number, string>;
  count: number;
}

const body = (burst: Burst, i: number) => ({ name: `crash-${i}`, region: burst.region, plan: 'micro', image: 'debian-12' });
const idempotencyKey = (burst: Burst, i: number) => ({ 'idempotency-key': `crash-${burst.region}-${i}` });

describe('crash safety', () => {
  let dataDir: string;
  let key: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-crash-'));
    const created = await cli(['accounts', 'create', '--name', 'crash', '--tier', 'enterprise', '--rate-limit', '100000', '--json', '--data-dir', dataDir]);
    assert.equal(created.code, 0, created.stderr);
    key = JSON.parse(created.stdout).api_key;
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  /** Fires `count` concurrent creates and kills the server with kill -9 once a third are acknowledged. */
  async function createThenKill(server: RunningServer, region: string, count: number): Promise<Burst> {
    const burst: Burst = { region, acknowledged: new Map(), count };
    const pending = Array.from({ length: count }, (_, i) =>
      request(server, key, 'POST', '/v2/instances', body(burst, i), idempotencyKey(burst, i)).then(
        (reply) => {
          if (reply.status === 201) burst.acknowledged.set(i, reply.body.id);
        },
        () => undefined, // cut off by the kill: not acknowledged
      ),
    );
    const killBy = Date.now() + 30_000;
    while (burst.acknowledged.size < count / 3) {
      assert.ok(Date.now() < killBy, `only ${burst.acknowledged.size} creates were acknowledged: ${server.output()}`);
      await sleep(5);
    }
    await kill9(server);
    await Promise.all(pending);
    return burst;
  }

  /**
   * Retries what was not acknowledged, as a well-behaved client would (same key and body; a 409 means
   * the killed process still held the key, which the server frees after a minute), then checks that
   * every create exists exactly once, acknowledged ones under their acknowledged id, all running.
   */
  async function settle(server: RunningServer, burst: Burst): Promise<void> {
    for (let i = 0; i < burst.count; i++) {
      let reply = await request(server, key, 'POST', '/v2/instances', body(burst, i), idempotencyKey(burst, i));
      for (const retryBy = Date.now() + 90_000; reply.status === 409 && Date.now() < retryBy; ) {
        await sleep(1000);
        reply = await request(server, key, 'POST', '/v2/instances', body(burst, i), idempotencyKey(burst, i));
      }
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      if (burst.acknowledged.has(i)) assert.equal(reply.body.id, burst.acknowledged.get(i), `retry of create ${i} replays the acknowledged instance`);
    }
    const deadline = Date.now() + 60_000;
    let instances: { id: string; name: string; status: string }[] = [];
    for (;;) {
      instances = (await request(server, key, 'GET', `/v2/instances?limit=100&region=${burst.region}`)).body.data;
      const inProgress = (await request(server, key, 'GET', '/v2/actions?status=in-progress&limit=100')).body.data;
      if (instances.every((i) => i.status === 'running') && inProgress.length === 0) break;
      assert.ok(Date.now() < deadline, `instances still not running: ${JSON.stringify(instances.filter((i) => i.status !== 'running'))}`);
      await sleep(200);
    }
    assert.equal(instances.length, burst.count, `exactly one instance per create in ${burst.region}`);
    assert.equal(new Set(instances.map((i) => i.name)).size, burst.count);
    const ids = new Set(instances.map((i) => i.id));
    for (const [i, id] of burst.acknowledged) assert.ok(ids.has(id), `acknowledged create ${i} (${id}) exists`);
  }

  async function assertIntact(server: RunningServer): Promise<void> {
    const errored = (await request(server, key, 'GET', '/v2/actions?status=errored&limit=100')).body.data;
    assert.deepEqual(errored, [], 'no action errored');
    await stop(server);
    const sqlite = new Database(path.join(dataDir, 'cloudnexus.db'), { readonly: true });
    try {
      assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      sqlite.close();
    }
  }

  test('kill -9 during 50 concurrent creates: every acknowledged instance exists once and runs', async () => {
    const burst = await createThenKill(await startServer(dataDir, SERVER_ARGS), 'eu-central-1', 50);
    assert.ok(burst.acknowledged.size < 50, 'the kill interrupted some creates');
    const server = await startServer(dataDir, SERVER_ARGS);
    await settle(server, burst);
    await assertIntact(server);
  });

  test('kill -9 ten times in a row, restarting each time: nothing lost, nothing doubled, the file intact', async () => {
    const bursts: Burst[] = [];
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-north-1', 'ap-south-1', 'ap-east-1', 'sa-east-1'];
    for (const region of regions) bursts.push(await createThenKill(await startServer(dataDir, SERVER_ARGS), region, 10));
    const server = await startServer(dataDir, SERVER_ARGS);
    for (const burst of bursts) await settle(server, burst);
    await assertIntact(server);
  });
});
