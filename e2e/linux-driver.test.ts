// The linux driver, end to end: a real server with CLOUDNEXUS_DRIVER=linux, driven over HTTPS, and
// every promise checked from inside the instances (nsenter into their namespaces, busybox tools).
// Needs root on Linux; skipped elsewhere. Everything it makes on the host is removed even on failure.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { cli, request, startServer, stop, type RunningServer } from './helpers/server.js';
import { canRunLinuxDriver, cgroupUsage, forceCleanup, hostObjects, sh, shStatus } from './helpers/linux.js';

const SERVER_ARGS = ['--driver', 'linux', '--worker-poll-ms', '50', '--log-level', 'warn'];

describe('linux driver', { skip: canRunLinuxDriver ? false : 'needs root on Linux' }, () => {
  let dataDir: string;
  let key: string;
  let server: RunningServer;
  const api = async (method: string, url: string, body?: unknown) => {
    const reply = await request(server, key, method, url, body);
    assert.ok(reply.status < 400, `${method} ${url} → ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const waitFor = async (url: string, done: (body: any) => boolean, what: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reply = await request(server, key, 'GET', url);
      if (done(reply)) return reply.body;
      assert.ok(Date.now() < deadline, `timed out waiting for ${what}: ${JSON.stringify(reply.body)}\n${server.output()}`);
      await sleep(100);
    }
  };
  const running = (id: string) => waitFor(`/v2/instances/${id}`, (r) => r.body.status === 'running', `${id} running`);
  const createInstance = async (name: string, networkId: string, extra: Record<string, unknown> = {}) =>
    (await api('POST', '/v2/instances', { name, region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: networkId, ...extra })).id as string;
  /** Sends `ping` from one instance to an address: true when it answers. */
  const pings = async (from: string, address: string) => (await shStatus(from, `ping -c 1 -W 1 ${address}`)).code === 0;

  const ids: Record<string, string> = {};
  const ips: Record<string, string> = {};

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-linux-'));
    const created = await cli(['accounts', 'create', '--name', 'linux', '--tier', 'enterprise', '--rate-limit', '100000', '--json', '--data-dir', dataDir]);
    assert.equal(created.code, 0, created.stderr);
    key = JSON.parse(created.stdout).api_key;
    server = await startServer(dataDir, SERVER_ARGS);

    const vpcA = await api('POST', '/v2/vpcs', { name: 'vpc-a', region: 'eu-west-1', ip_range: '10.31.0.0/16' });
    const vpcB = await api('POST', '/v2/vpcs', { name: 'vpc-b', region: 'eu-west-1', ip_range: '10.32.0.0/16' });
    const netA = await api('POST', '/v2/networks', { name: 'net-a', vpc_id: vpcA.id, ip_range: '10.31.1.0/24', environment: 'development' });
    const netB = await api('POST', '/v2/networks', { name: 'net-b', vpc_id: vpcB.id, ip_range: '10.32.1.0/24', environment: 'development' });
    ids.netA = netA.id;
    const userData = Buffer.from('#!/bin/sh\necho "hello from user_data on $(hostname)"\necho ran > /root/user-data-ran\n').toString('base64');
    ids.a1 = await createInstance('a1', netA.id, { user_data: userData, labels: { role: 'web' } });
    ids.a2 = await createInstance('a2', netA.id, { labels: { role: 'web' } });
    ids.b1 = await createInstance('b1', netB.id, { labels: { role: 'web' } });
    for (const name of ['a1', 'a2', 'b1']) ips[name] = (await running(ids[name] as string)).ipv4;
    // Inbound is denied unless allowed: let ping in everywhere, so isolation is what is tested.
    await api('POST', '/v2/firewalls', {
      name: 'icmp',
      inbound_rules: [{ protocol: 'icmp', sources: { addresses: ['0.0.0.0/0'] } }],
      apply_to: { label_selector: 'role=web' },
    });
  });

  after(async () => {
    try {
      if (server) await stop(server);
    } finally {
      await forceCleanup(dataDir);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  test('instances are isolated environments named after the instance, with their SSH keys and user_data', async () => {
    assert.equal((await sh(ids.a1 as string, 'hostname')).trim(), 'a1');
    assert.match(await sh(ids.a1 as string, 'ps'), /^\s+1 /m, 'its own PID namespace starts at 1');
    assert.match(await sh(ids.a1 as string, 'ip -4 addr show eth0'), new RegExp(`inet ${ips.a1?.replaceAll('.', '\\.')}/24`));
    await waitFor(`/v2/instances/${ids.a1}/console`, (r) => /hello from user_data on a1/.test(r.body.output), 'user_data output on the console');
    assert.equal((await sh(ids.a1 as string, 'cat /root/user-data-ran')).trim(), 'ran');
  });

  test('two instances in one VPC reach each other; one in another VPC cannot', async () => {
    await waitForPing(ids.a1 as string, ips.a2 as string);
    assert.ok(await pings(ids.a2 as string, ips.a1 as string));
    assert.equal(await pings(ids.b1 as string, ips.a1 as string), false, 'b1 (VPC B) reached a1 (VPC A)');
    assert.equal(await pings(ids.a1 as string, ips.b1 as string), false, 'a1 (VPC A) reached b1 (VPC B)');
  });

  test('a memory-hungry process in a micro instance is held to its 1 GB plan', async () => {
    const before = (await cgroupUsage(ids.a2 as string)).oomKills;
    // busybox tail keeps reading /dev/zero into memory, looking for a newline that never comes.
    const hog = await shStatus(ids.a2 as string, 'tail /dev/zero');
    assert.notEqual(hog.code, 0, 'the hog was not stopped');
    const usage = await cgroupUsage(ids.a2 as string);
    assert.ok(usage.oomKills > before, 'no OOM kill was recorded in the instance cgroup');
    assert.ok(usage.memoryBytes <= 1024 ** 3, `the instance uses ${usage.memoryBytes} bytes`);
    assert.equal((await sh(ids.a2 as string, 'hostname')).trim(), 'a2', 'the instance itself survives');
  });

  test('restart gives a new boot but keeps the disk', async () => {
    const id = ids.a2 as string;
    const bootBefore = (await sh(id, 'cat /run/cnx-boot-id')).trim();
    await sh(id, 'echo kept > /root/disk-test');
    await api('PUT', `/v2/instances/${id}/restart`);
    await waitFor(`/v2/instances/${id}`, (r) => r.body.status === 'running', 'restart done');
    const bootAfter = (await sh(id, 'cat /run/cnx-boot-id')).trim();
    assert.notEqual(bootAfter, bootBefore);
    assert.equal((await sh(id, 'cat /root/disk-test')).trim(), 'kept');
  });

  /** Waits for the firewall (applied in the background) to let ping through. */
  async function waitForPing(from: string, to: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await pings(from, to))) {
      assert.ok(Date.now() < deadline, `${from} never reached ${to}`);
      await sleep(200);
    }
  }

  test('deleting instances leaves nothing on the host', async () => {
    for (const name of ['a1', 'a2', 'b1']) await api('DELETE', `/v2/instances/${ids[name]}`);
    for (const name of ['a1', 'a2', 'b1']) await waitFor(`/v2/instances/${ids[name]}`, (r) => r.status === 404, `${name} deleted`);
    assert.deepEqual(await hostObjects(dataDir), []);
  });
});
