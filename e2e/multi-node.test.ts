// Three server processes on three ports, one PostgreSQL schema, one Redis: what must hold when the
// API is scaled out, including a node killed with -9 while it runs actions.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { cli, kill9, request, startServer, stop, type RunningServer } from './helpers/server.js';
import { createSchema, redisUrl, skipWithoutServices, type Schema } from './helpers/services.js';

const NODE_ARGS = ['--sim-delay-ms', '800', '--action-lease-ms', '2000', '--worker-poll-ms', '50'];

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('three nodes on one PostgreSQL and one Redis', { skip: skipWithoutServices() }, () => {
  let schema: Schema;
  let dirs: string[] = [];
  let nodes: RunningServer[] = [];
  const account = async (tier: string, extra: string[] = []) => {
    const created = await cli(['accounts', 'create', '--name', `e2e-${tier}`, '--tier', tier, ...extra, '--json', '--database-url', schema.url, '--data-dir', dirs[0] as string]);
    assert.equal(created.code, 0, created.stderr);
    return JSON.parse(created.stdout).api_key as string;
  };

  before(async () => {
    schema = await createSchema();
    dirs = await Promise.all([0, 1, 2].map(() => fs.mkdtemp(path.join(os.tmpdir(), 'cnx-node-'))));
    // All three start (and migrate) at once.
    nodes = await Promise.all(dirs.map((dir) => startServer(dir, ['--database-url', schema.url, '--redis-url', redisUrl as string, ...NODE_ARGS])));
  });
  after(async () => {
    await Promise.all(nodes.filter((n) => n.process.exitCode === null && n.process.signalCode === null).map(stop));
    await schema?.drop();
    await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });

  test('a free-tier key gets exactly 60 successes per window across the three nodes; every 429 has Retry-After', async () => {
    const key = await account('free');
    // Start early in a window so all 75 requests fall in one.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await sleep(60_000 - intoWindow + 50);
    const replies = [];
    for (let i = 0; i < 75; i++) replies.push(await request(nodes[i % 3] as RunningServer, key, 'GET', '/v2/regions?limit=1'));
    assert.equal(replies.filter((r) => r.status === 200).length, 60);
    const refused = replies.filter((r) => r.status !== 200);
    assert.equal(refused.length, 15);
    for (const reply of refused) {
      assert.equal(reply.status, 429);
      assert.equal(reply.body.error.code, 429);
      assert.ok(Number(reply.headers['retry-after']) >= 1, 'Retry-After');
      assert.equal(reply.headers['x-ratelimit-remaining'], '0');
    }
  });

  test('an instance created through A is visible through B and reaches running', async () => {
    const key = await account('enterprise');
    const [a, b] = nodes as [RunningServer, RunningServer];
    const created = await request(a, key, 'POST', '/v2/instances', { name: 'across', region: 'eu-central-1', plan: 'micro', image: 'debian-12' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const seen = await request(b, key, 'GET', `/v2/instances/${created.body.id}`);
    assert.equal(seen.status, 200);
    await until('the instance to run', 30_000, async () => {
      const reply = await request(b, key, 'GET', `/v2/instances/${created.body.id}`);
      return reply.body.status === 'running' ? reply : undefined;
    });
  });

  test('a key revoked through A gets 401 on C within one second', async () => {
    const admin = await account('enterprise');
    const [a, , c] = nodes as [RunningServer, RunningServer, RunningServer];
    const issued = await request(a, admin, 'POST', '/v2/api_keys', { name: 'short-lived' });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    const secret = issued.body.secret as string;
    // C has looked the key up, so it holds it in its cache.
    assert.equal((await request(c, secret, 'GET', '/v2/regions?limit=1')).status, 200);
    assert.equal((await request(c, secret, 'GET', '/v2/regions?limit=1')).status, 200);
    assert.equal((await request(a, admin, 'DELETE', `/v2/api_keys/${issued.body.key.id}`)).status, 200);
    const revokedAt = Date.now();
    await until('C to refuse the revoked key', 1_000, async () => ((await request(c, secret, 'GET', '/v2/regions?limit=1')).status === 401 ? true : undefined));
    assert.ok(Date.now() - revokedAt < 1_000);
  });

  test('kill -9 of a node while it runs actions: the others finish them, nothing lost or done twice', async () => {
    const key = await account('enterprise', ['--rate-limit', '100000']);
    const victim = nodes[0] as RunningServer;
    const ids: string[] = [];
    const creates = await Promise.all(
      Array.from({ length: 24 }, (_, i) => request(victim, key, 'POST', '/v2/instances', { name: `kill-${i}`, region: 'eu-west-1', plan: 'micro', image: 'debian-12' })),
    );
    for (const reply of creates) {
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      ids.push(reply.body.id);
    }
    // The victim pokes its own worker on every enqueue: it holds leases on some of these now.
    const held = await schema.query<{ owners: string }>(
      `SELECT count(DISTINCT lease_owner) AS owners FROM $schema.actions WHERE resource_id = ANY($1) AND status = 'in-progress' AND lease_owner IS NOT NULL`,
      [ids],
    );
    assert.ok(Number(held[0]?.owners) >= 1, 'actions are running when the node dies');
    await kill9(victim);

    const survivor = nodes[1] as RunningServer;
    await until('every instance to run', 60_000, async () => {
      const list = await request(survivor, key, 'GET', '/v2/instances?limit=100&region=eu-west-1');
      return list.body.data.length === ids.length && list.body.data.every((i: { status: string }) => i.status === 'running') ? true : undefined;
    });
    const actions = await schema.query<{ resource_id: string; status: string; n: string }>(
      `SELECT resource_id, status, count(*) AS n FROM $schema.actions WHERE resource_id = ANY($1) GROUP BY resource_id, status`,
      [ids],
    );
    assert.equal(actions.length, ids.length, 'one group per instance');
    for (const row of actions) assert.deepEqual([row.status, Number(row.n)], ['completed', 1], row.resource_id);
    const machines = await schema.query<{ n: string }>(`SELECT count(*) AS n FROM $schema.sim_machines`);
    const instances = await schema.query<{ n: string }>(`SELECT count(*) AS n FROM $schema.instances`);
    assert.equal(Number(machines[0]?.n), Number(instances[0]?.n), 'one machine per instance, none created twice');
  });

  test('SIGTERM: a node answers what it accepted, leaves no action leased, and exits cleanly', async () => {
    const key = await account('enterprise', ['--rate-limit', '100000']);
    // A lease far longer than the test: any action left leased by the stopping node would stall.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-node-'));
    dirs.push(dir);
    const node = await startServer(dir, ['--database-url', schema.url, '--redis-url', redisUrl as string, ...NODE_ARGS, '--action-lease-ms', '600000']);
    nodes.push(node);
    const replies = Array.from({ length: 12 }, (_, i) =>
      request(node, key, 'POST', '/v2/instances', { name: `term-${i}`, region: 'us-east-1', plan: 'micro', image: 'debian-12' }).catch(() => null),
    );
    const first = await Promise.race(replies);
    assert.ok(first === null || first.status === 201, JSON.stringify(first?.body));
    await stop(node);
    assert.equal(node.process.exitCode, 0, node.output());
    const answered = (await Promise.all(replies)).filter((r) => r !== null);
    for (const reply of answered) assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.ok(answered.length > 0);

    const survivor = nodes[1] as RunningServer;
    await until('every accepted instance to run, long before the stopped node\'s leases would expire', 30_000, async () => {
      const list = await request(survivor, key, 'GET', '/v2/instances?limit=100&region=us-east-1');
      return list.body.data.length === answered.length && list.body.data.every((i: { status: string }) => i.status === 'running') ? true : undefined;
    });
  });
});
