// Managed PostgreSQL on the linux driver, end to end: a real server with CLOUDNEXUS_DRIVER=linux
// creates databases over HTTPS, and every promise is checked with the host's psql run inside an
// instance's network namespace (a client on the database's network) or in another VPC's.
// Needs root on Linux and Debian's postgresql package; skipped elsewhere. Everything it makes on
// the host is removed even on failure.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { SqliteDatabase as Database } from '../server/src/db/sqlite-binding.js';
import { cgroupName } from '../server/src/drivers/linux/names.js';
import { kill9, request, requestOk, stop, waitForReply, type Reply, type RunningServer } from './helpers/server.js';
import { linuxAccount, startLinuxServer } from './helpers/linux-server.js';
import { forceCleanup, hostCgroups, hostObjects, makeOrphan, memoryLimit, skipWithoutLinuxRoot } from './helpers/linux.js';
import { isRequired } from '../server/test/helpers/required.js';

/** The newest PostgreSQL the host has (Debian's packages put each major under here). */
const POSTGRES_ROOT = '/usr/lib/postgresql';
const version = existsSync(POSTGRES_ROOT) ? readdirSync(POSTGRES_ROOT).sort((a, b) => Number(a) - Number(b)).at(-1) : undefined;
if (version === undefined && isRequired('linux')) {
  throw new Error('CLOUDNEXUS_TEST_REQUIRE names linux but PostgreSQL is not installed (apt-get install postgresql)');
}
const skip = skipWithoutLinuxRoot() || (version === undefined && 'needs Debian’s postgresql package');

describe('linux driver: managed PostgreSQL', { skip }, () => {
  let dataDir: string;
  let key: string;
  let server: RunningServer;
  const api = (method: string, url: string, body?: unknown) => requestOk(server, key, method, url, body);
  const waitFor = (url: string, done: (reply: Reply) => boolean, what: string) => waitForReply(server, key, url, done, what, 90_000);
  const actionDone = async (actionId: string) => {
    const action = await waitFor(`/v2/actions/${actionId}`, (r) => r.body.status !== 'in-progress', `action ${actionId}`);
    assert.equal(action.status, 'completed', JSON.stringify(action));
  };
  const online = (id: string) => waitFor(`/v2/databases/${id}`, (r) => r.body.status === 'online', `${id} online`);

  /** psql with `uri` from inside the network namespace of `instanceId`: its output, or the error. */
  const psql = (instanceId: string, uri: string, sql: string) =>
    new Promise<{ ok: boolean; output: string }>((resolve) => {
      execFile(
        'ip',
        ['netns', 'exec', `cnx-${instanceId}`, 'env', '-i', 'PGCONNECT_TIMEOUT=3', path.join(POSTGRES_ROOT, version as string, 'bin', 'psql'), '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', uri, '-c', sql],
        { timeout: 20_000 },
        (error, stdout, stderr) => resolve({ ok: !error, output: error ? stderr || error.message : stdout.trim() }),
      );
    });
  const works = async (instanceId: string, uri: string, sql: string) => {
    const result = await psql(instanceId, uri, sql);
    assert.ok(result.ok, `psql from ${instanceId}: ${result.output}`);
    return result.output;
  };

  const ids: Record<string, string> = {};
  let uri = '';

  before(async () => {
    ({ dataDir, key } = await linuxAccount('cnx-pg-'));
    server = await startLinuxServer(dataDir);

    const vpcA = await api('POST', '/v2/vpcs', { name: 'vpc-a', region: 'eu-west-1', ip_range: '10.41.0.0/16' });
    const vpcB = await api('POST', '/v2/vpcs', { name: 'vpc-b', region: 'eu-west-1', ip_range: '10.42.0.0/16' });
    const netA = await api('POST', '/v2/networks', { name: 'net-a', vpc_id: vpcA.id, ip_range: '10.41.1.0/24', environment: 'development' });
    const netA2 = await api('POST', '/v2/networks', { name: 'net-a2', vpc_id: vpcA.id, ip_range: '10.41.2.0/24', environment: 'development' });
    const netB = await api('POST', '/v2/networks', { name: 'net-b', vpc_id: vpcB.id, ip_range: '10.42.1.0/24', environment: 'development' });
    ids.netA = netA.id;
    for (const [name, network] of [['a1', netA], ['a2', netA2], ['b1', netB]] as const) {
      ids[name] = (await api('POST', '/v2/instances', { name, region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: network.id })).id;
    }
    for (const name of ['a1', 'a2', 'b1']) await waitFor(`/v2/instances/${ids[name]}`, (r) => r.body.status === 'running', `${name} running`);
  });

  after(async () => {
    try {
      if (server) await stop(server);
    } finally {
      await forceCleanup(dataDir);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a postgres database runs on its network: the returned URI works from an instance there', async () => {
    const db = await api('POST', '/v2/databases', { name: 'pg1', engine: 'postgres', version, plan: 'db-s-1vcpu-1gb', region: 'eu-west-1', network_id: ids.netA });
    ids.db = db.id;
    uri = db.connection.uri;
    assert.match(uri, /^postgresql:\/\/cnxadmin:[^@]+@10\.41\.1\.\d+:5432\/defaultdb$/);
    await online(db.id);
    await works(ids.a1 as string, uri, 'CREATE TABLE notes (body text); INSERT INTO notes VALUES ($$hello from a1$$)');
    assert.equal(await works(ids.a1 as string, uri, 'SELECT body FROM notes'), 'hello from a1');
    assert.equal(await works(ids.a1 as string, uri, 'SELECT current_user'), 'cnxadmin');
    assert.equal(await works(ids.a1 as string, uri, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user'), 'f', 'the admin is not a superuser');
    assert.ok((await hostObjects(dataDir)).includes(`netns cnx-${db.id}`));
  });

  test('the server runs unprivileged in its own tree, the host binaries read-only and without set-uid', async () => {
    // Every process inside its PID namespace (the host side keeps only `unshare` waiting for it).
    const pids: number[] = [];
    for (const pid of await hostCgroups().procs(cgroupName(ids.db as string))) {
      const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
      if ((/^NSpid:\s+(.*)$/m.exec(status)?.[1] ?? '').trim().split(/\s+/).length < 2) continue;
      assert.match(status, /^Uid:\s+70000\s/m, `process ${pid} is not the server's user`);
      pids.push(pid);
    }
    assert.ok(pids.length > 0);
    assert.equal(await fs.readlink(`/proc/${pids[0]}/root`), path.join(dataDir, 'linux', 'databases', ids.db as string, 'root'));
    const usr = (await fs.readFile(`/proc/${pids[0]}/mountinfo`, 'utf8')).split('\n').find((line) => line.split(' ')[4] === '/usr');
    assert.ok(usr, 'its /usr is a mount of its own');
    assert.match(usr.split(' ')[5] as string, /^ro,nosuid,nodev/);
  });

  test('metrics measure the real server: open connections and the size of its data', async () => {
    const peak = async (type: string) => {
      const metrics = await api('GET', `/v2/databases/${ids.db}/metrics?type=${type}`);
      return Math.max(...metrics.series[0].points.map((p: { value: number }) => p.value));
    };
    const holding = psql(ids.a1 as string, uri, 'SELECT pg_sleep(3)');
    await sleep(1000);
    assert.ok((await peak('connections')) >= 1, 'the open session is counted');
    assert.ok((await holding).ok);
    assert.ok((await peak('storage')) > 0);
  });

  test('it cannot be reached from another VPC, nor logged into from another network of its VPC', async () => {
    const fromOtherVpc = await psql(ids.b1 as string, uri, 'SELECT 1');
    assert.equal(fromOtherVpc.ok, false);
    assert.match(fromOtherVpc.output, /connection to server at "10\.41\.1\.\d+".*(unreachable|timeout)/is, 'no route between VPCs');
    const fromOtherNetwork = await psql(ids.a2 as string, uri, 'SELECT 1');
    assert.equal(fromOtherNetwork.ok, false);
    assert.match(fromOtherNetwork.output, /pg_hba\.conf/, 'the server answers, and refuses addresses outside its network');
  });

  test('a user created through the API logs in with its password, a wrong password does not, and a deleted user cannot', async () => {
    const created = await api('POST', `/v2/databases/${ids.db}/users`, { name: 'app' });
    await actionDone(created.action_id);
    const appUri = uri.replace(/^postgresql:\/\/[^@]+@/, `postgresql://app:${encodeURIComponent(created.user.password)}@`);
    assert.equal(await works(ids.a1 as string, appUri, 'SELECT current_user'), 'app');
    const wrong = await psql(ids.a1 as string, appUri.replace(/:[^:@]+@/, ':wrong@'), 'SELECT 1');
    assert.equal(wrong.ok, false);
    assert.match(wrong.output, /password authentication failed/);
    // A deleted user's tables stay, given to the admin; the user can no longer log in.
    await works(ids.a1 as string, appUri, 'CREATE TABLE app_table (n int)');
    await actionDone((await api('DELETE', `/v2/databases/${ids.db}/users/app`)).action_id);
    assert.match((await psql(ids.a1 as string, appUri, 'SELECT 1')).output, /role "app" does not exist|password authentication failed/);
    assert.equal(await works(ids.a1 as string, uri, "SELECT tableowner FROM pg_tables WHERE tablename = 'app_table'"), 'cnxadmin');
  });

  test('reset_password: the old password stops working, the new one works', async () => {
    const reset = await api('PUT', `/v2/databases/${ids.db}/reset_password`);
    await actionDone(reset.action_id);
    const old = await psql(ids.a1 as string, uri, 'SELECT 1');
    assert.equal(old.ok, false);
    assert.match(old.output, /password authentication failed/);
    uri = reset.uri;
    assert.equal(await works(ids.a1 as string, uri, 'SELECT body FROM notes'), 'hello from a1');
  });

  test('a backup restored into a new database has the rows', async () => {
    // The daily slot is made due now (as if the clock reached it); the scheduler fires on its next tick.
    const sqlite = new Database(path.join(dataDir, 'cloudnexus.db'));
    try {
      sqlite.prepare('UPDATE databases SET next_backup_at = ? WHERE id = ?').run('2000-01-01T00:00:00.000Z', ids.db);
    } finally {
      sqlite.close();
    }
    const backups = await waitFor(`/v2/databases/${ids.db}/backups`, (r) => r.body.data?.some((b: { status: string }) => b.status === 'available'), 'a backup');
    const backup = backups.data.find((b: { status: string }) => b.status === 'available');
    assert.ok(backup.size_mb >= 1);
    const restored = await api('POST', '/v2/databases', { name: 'pg2', plan: 'db-s-1vcpu-1gb', network_id: ids.netA, restore_from: { backup_id: backup.id } });
    ids.restored = restored.id;
    await online(restored.id);
    assert.equal(await works(ids.a1 as string, restored.connection.uri, 'SELECT body FROM notes'), 'hello from a1');
  });

  test('resize gives the running server its new plan\'s limits', async () => {
    assert.equal(await memoryLimit(ids.db as string), 1024 ** 3);
    const resize = await api('PUT', `/v2/databases/${ids.db}/resize`, { plan: 'db-s-2vcpu-4gb' });
    await actionDone(resize.action_id);
    assert.equal(await memoryLimit(ids.db as string), 4 * 1024 ** 3);
    assert.equal(await works(ids.a1 as string, uri, 'SELECT body FROM notes'), 'hello from a1');
  });

  test('after a crash of the control plane and of the database server, a restart brings the server back', async () => {
    await kill9(server);
    // As if the host rebooted under it: every process of the database is gone.
    await hostCgroups().killAll(cgroupName(ids.db as string));
    // And leftovers of a create that never reached the database: a server tree, cgroup and namespace.
    await fs.mkdir(path.join(dataDir, 'linux', 'databases', 'db_0000000000000000'), { recursive: true });
    await makeOrphan('db_0000000000000000');
    server = await startLinuxServer(dataDir);
    assert.equal(await works(ids.a1 as string, uri, 'SELECT body FROM notes'), 'hello from a1');
    const objects = await hostObjects(dataDir);
    assert.ok(!objects.some((o) => o.includes('db_0000000000000000')), `left on the host: ${objects.join(', ')}`);
    assert.equal(existsSync(path.join(dataDir, 'linux', 'databases', 'db_0000000000000000')), false);
  });

  test('engines and versions this host does not run are refused up front, naming the field', async () => {
    const mysql = await request(server, key, 'POST', '/v2/databases', { name: 'my1', engine: 'mysql', plan: 'db-s-1vcpu-1gb', region: 'eu-west-1', network_id: ids.netA });
    assert.equal(mysql.status, 422, JSON.stringify(mysql.body));
    assert.match(JSON.stringify(mysql.body.error.details), /"field":"engine".*mysql is not available on the linux driver/);
    const missing = ['14', '15', '16', '17'].find((v) => !existsSync(path.join(POSTGRES_ROOT, v)));
    if (missing) {
      const old = await request(server, key, 'POST', '/v2/databases', { name: 'pg-missing', engine: 'postgres', version: missing, plan: 'db-s-1vcpu-1gb', region: 'eu-west-1', network_id: ids.netA });
      assert.equal(old.status, 422, JSON.stringify(old.body));
      assert.match(JSON.stringify(old.body.error.details), new RegExp(`"field":"version".*PostgreSQL ${missing} is not installed`));
    }
  });

  test('delete stops the servers and removes their namespaces and files', async () => {
    for (const id of [ids.restored, ids.db] as string[]) {
      await api('DELETE', `/v2/databases/${id}`);
      await waitFor(`/v2/databases/${id}`, (r) => r.status === 404, `${id} gone`);
      const objects = await hostObjects(dataDir);
      assert.ok(!objects.some((o) => o.includes(id)), `left on the host: ${objects.join(', ')}`);
      assert.equal(existsSync(path.join(dataDir, 'linux', 'databases', id)), false);
    }
    assert.equal((await psql(ids.a1 as string, uri, 'SELECT 1')).ok, false);
    assert.deepEqual(await fs.readdir(path.join(dataDir, 'linux', 'database-backups')), [], 'its backups went with it');
  });
});
