// kill -9 the server while creates are in flight, restart it, and check nothing acknowledged was
// lost or duplicated, every action finished, and the SQLite file is intact.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { cli, kill9, request, startServer, stop, type RunningServer } from './helpers/server.js';

const CREATES = 50;
const SERVER_ARGS = ['--sim-delay-ms', '300', '--action-lease-ms', '2000', '--worker-poll-ms', '50'];

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

  test(`kill -9 during ${CREATES} concurrent creates: every acknowledged instance exists once and runs`, async () => {
    let server: RunningServer = await startServer(dataDir, SERVER_ARGS);
    const body = (i: number) => ({ name: `crash-${i}`, region: 'eu-central-1', plan: 'micro', image: 'debian-12' });
    const acknowledged = new Map<number, string>();
    const pending = Array.from({ length: CREATES }, (_, i) =>
      request(server, key, 'POST', '/v2/instances', body(i), { 'idempotency-key': `crash-key-${i}` }).then(
        (reply) => {
          if (reply.status === 201) acknowledged.set(i, reply.body.id);
        },
        () => undefined, // cut off by the kill: not acknowledged
      ),
    );
    // Kill while creates are still being answered and their actions are running.
    const killBy = Date.now() + 30_000;
    while (acknowledged.size < CREATES / 3) {
      assert.ok(Date.now() < killBy, `only ${acknowledged.size} creates were acknowledged: ${server.output()}`);
      await sleep(5);
    }
    await kill9(server);
    await Promise.all(pending);
    assert.ok(acknowledged.size < CREATES, 'the kill interrupted some creates');

    server = await startServer(dataDir, SERVER_ARGS);
    // A well-behaved client retries what was not acknowledged, with the same key and body; a 409
    // means the killed process still held the key, which the server frees after a minute.
    for (let i = 0; i < CREATES; i++) {
      let reply = await request(server, key, 'POST', '/v2/instances', body(i), { 'idempotency-key': `crash-key-${i}` });
      for (const retryBy = Date.now() + 90_000; reply.status === 409 && Date.now() < retryBy; ) {
        await sleep(1000);
        reply = await request(server, key, 'POST', '/v2/instances', body(i), { 'idempotency-key': `crash-key-${i}` });
      }
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      if (acknowledged.has(i)) assert.equal(reply.body.id, acknowledged.get(i), `retry of create ${i} replays the acknowledged instance`);
    }

    const deadline = Date.now() + 60_000;
    let instances: { id: string; name: string; status: string }[] = [];
    for (;;) {
      instances = (await request(server, key, 'GET', '/v2/instances?limit=100&region=eu-central-1')).body.data;
      const inProgress = (await request(server, key, 'GET', '/v2/actions?status=in-progress&limit=100')).body.data;
      if (instances.every((i) => i.status === 'running') && inProgress.length === 0) break;
      assert.ok(Date.now() < deadline, `instances still not running: ${JSON.stringify(instances.filter((i) => i.status !== 'running'))}`);
      await sleep(200);
    }
    assert.equal(instances.length, CREATES, 'exactly one instance per create');
    assert.equal(new Set(instances.map((i) => i.name)).size, CREATES);
    const ids = new Set(instances.map((i) => i.id));
    for (const [i, id] of acknowledged) assert.ok(ids.has(id), `acknowledged create ${i} (${id}) exists`);
    const errored = (await request(server, key, 'GET', '/v2/actions?status=errored&limit=100')).body.data;
    assert.deepEqual(errored, [], 'no action errored');
    await stop(server);

    const sqlite = new Database(path.join(dataDir, 'cloudnexus.db'), { readonly: true });
    try {
      assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      sqlite.close();
    }
  });
});
