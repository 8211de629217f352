// The linux driver, end to end: a real server with CLOUDNEXUS_DRIVER=linux, driven over HTTPS, and
// every promise checked from inside the instances (nsenter into their namespaces, busybox tools).
// Needs root on Linux; skipped elsewhere. Everything it makes on the host is removed even on failure.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { kill9, requestOk, stop, waitForReply, type Reply, type RunningServer } from './helpers/server.js';
import { linuxAccount, startLinuxServer } from './helpers/linux-server.js';
import { cgroupUsage, forceCleanup, hostObjects, loseInstance, makeOrphan, sh, shStatus, skipWithoutLinuxRoot } from './helpers/linux.js';


describe('linux driver', { skip: skipWithoutLinuxRoot() }, () => {
  let dataDir: string;
  let key: string;
  let server: RunningServer;
  const api = (method: string, url: string, body?: unknown) => requestOk(server, key, method, url, body);
  const waitFor = (url: string, done: (reply: Reply) => boolean, what: string) => waitForReply(server, key, url, done, what, 60_000);
  const running = (id: string) => waitFor(`/v2/instances/${id}`, (r) => r.body.status === 'running', `${id} running`);
  const createInstance = async (name: string, networkId: string, extra: Record<string, unknown> = {}) =>
    (await api('POST', '/v2/instances', { name, region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: networkId, ...extra })).id as string;
  /** Sends `ping` from one instance to an address: true when it answers. */
  const pings = async (from: string, address: string) => (await shStatus(from, `ping -c 1 -W 1 ${address}`)).code === 0;

  const ids: Record<string, string> = {};
  const ips: Record<string, string> = {};

  before(async () => {
    ({ dataDir, key } = await linuxAccount('cnx-linux-'));
    server = await startLinuxServer(dataDir);

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
    // The ICMP firewall lands on each instance by its own action: wait for both directions.
    await waitForPing(ids.a1 as string, ips.a2 as string);
    await waitForPing(ids.a2 as string, ips.a1 as string);
    assert.equal(await pings(ids.b1 as string, ips.a1 as string), false, 'b1 (VPC B) reached a1 (VPC A)');
    assert.equal(await pings(ids.a1 as string, ips.b1 as string), false, 'a1 (VPC A) reached b1 (VPC B)');
  });

  /** Connects from one instance to address:port; resolves with what the other side said ('' if nothing). */
  const connect = async (from: string, address: string, port: number) => {
    // nc's -w bounds the connect only: `timeout` bounds the whole exchange.
    const { code, output } = await shStatus(from, `timeout 3 nc -w 1 ${address} ${port} </dev/null`);
    return code === 0 ? output.trim() : '';
  };
  /** A persistent server on :8080 inside the instance that answers each connection with its hostname. */
  const serveHostname = (id: string) => sh(id, 'nc -ll -p 8080 -e hostname </dev/null >/dev/null 2>&1 &');
  const eventually = async (check: () => Promise<boolean>, what: string, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `timed out: ${what}`);
      await sleep(200);
    }
  };

  test('a firewall rule opening tcp/8080 changes what is reachable', async () => {
    await serveHostname(ids.a1 as string);
    await serveHostname(ids.a2 as string);
    assert.equal(await sh(ids.a1 as string, 'nc -w 1 127.0.0.1 8080 </dev/null').then((o) => o.trim()), 'a1', 'the listener runs');
    assert.equal(await connect(ids.a2 as string, ips.a1 as string, 8080), '', 'inbound tcp/8080 is denied before any rule allows it');
    await api('POST', '/v2/firewalls', {
      name: 'web-8080',
      inbound_rules: [{ protocol: 'tcp', ports: '8080', sources: { addresses: ['10.31.0.0/16'] } }],
      apply_to: { label_selector: 'role=web' },
    });
    await eventually(async () => (await connect(ids.a2 as string, ips.a1 as string, 8080)) === 'a1', 'a2 reaches a1:8080 once allowed');
    assert.equal(await connect(ids.b1 as string, ips.a1 as string, 8080), '', 'another VPC still cannot');
  });

  test('a load balancer spreads connections over healthy targets and skips a stopped one', async () => {
    const lb = await api('POST', '/v2/load_balancers', {
      name: 'web',
      vpc_id: (await api('GET', `/v2/networks/${ids.netA}`)).vpc_id,
      forwarding_rules: [{ entry_protocol: 'tcp', entry_port: 80, target_protocol: 'tcp', target_port: 8080 }],
      health_check: { protocol: 'tcp', port: 8080, interval_seconds: 3, timeout_seconds: 1, healthy_threshold: 1, unhealthy_threshold: 1 },
      targets: { instance_ids: [ids.a1, ids.a2] },
    });
    const active = await waitFor(`/v2/load_balancers/${lb.id}`, (r) => r.body.status === 'active', 'load balancer active');
    const answers = async (count: number) => {
      const seen: string[] = [];
      for (let i = 0; i < count; i++) seen.push(await connect(ids.a1 as string, active.ip, 80));
      return seen;
    };
    await eventually(async () => {
      const seen = new Set(await answers(4));
      return seen.has('a1') && seen.has('a2');
    }, 'connections reach both targets');
    const spread = await answers(6);
    assert.deepEqual(new Set(spread), new Set(['a1', 'a2']), `spread: ${spread}`);

    await api('PUT', `/v2/instances/${ids.a2}/stop`);
    await waitFor(`/v2/instances/${ids.a2}`, (r) => r.body.status === 'stopped', 'a2 stopped');
    assert.equal(await pings(ids.a1 as string, ips.a2 as string), false, 'a stopped instance answers nothing');
    const proxyLog = () => fs.readFile(path.join(dataDir, 'linux', 'load-balancers', `${lb.id}.log`), 'utf8');
    let lastAnswers: string[] = [];
    await eventually(async () => (lastAnswers = await answers(4)).every((a) => a === 'a1'), 'the stopped target is skipped').catch(async (error) => {
      const raw = await shStatus(ids.a1 as string, `nc -w 1 ${active.ip} 80 </dev/null; echo rc=$?`);
      throw new Error(`${error.message}\nproxy: ${await proxyLog()}\nlast: ${JSON.stringify(raw)} ${JSON.stringify(lastAnswers)}`);
    });
    assert.deepEqual(await answers(6), Array(6).fill('a1'));

    await api('PUT', `/v2/instances/${ids.a2}/start`);
    await running(ids.a2 as string);
    await api('DELETE', `/v2/load_balancers/${lb.id}`);
    await waitFor(`/v2/load_balancers/${lb.id}`, (r) => r.status === 404, 'load balancer deleted');
  });

  test('a file on a volume survives detach and attach to another instance, and is in a snapshot\'s restore', async () => {
    const volumeDone = (id: string, status: string) => waitFor(`/v2/volumes/${id}`, (r) => r.body.status === status, `volume ${id} ${status}`);
    const volume = await api('POST', '/v2/volumes', { name: 'data', region: 'eu-west-1', size_gb: 1, filesystem: 'ext4' });
    await volumeDone(volume.id, 'available');
    await api('PUT', `/v2/volumes/${volume.id}/attach`, { instance_id: ids.a1 });
    await volumeDone(volume.id, 'attached');
    await sh(ids.a1 as string, 'echo "written by a1" > /mnt/data/hello.txt && sync');
    assert.match(await sh(ids.a1 as string, 'mount'), /on \/mnt\/data type ext4/);

    await api('PUT', `/v2/volumes/${volume.id}/detach`);
    await volumeDone(volume.id, 'available');
    assert.doesNotMatch(await sh(ids.a1 as string, 'mount'), /\/mnt\/data/, 'detached from a1');
    await api('PUT', `/v2/volumes/${volume.id}/attach`, { instance_id: ids.b1 });
    await volumeDone(volume.id, 'attached');
    assert.equal((await sh(ids.b1 as string, 'cat /mnt/data/hello.txt')).trim(), 'written by a1');

    const snapshot = await api('POST', `/v2/volumes/${volume.id}/snapshots`, { name: 'data-1' });
    await waitFor(`/v2/snapshots/${snapshot.id}`, (r) => r.body.status === 'available', 'snapshot available');
    await sh(ids.b1 as string, 'echo "after the snapshot" > /mnt/data/hello.txt && sync');
    const restored = await api('POST', '/v2/volumes', { name: 'restored', snapshot_id: snapshot.id });
    await volumeDone(restored.id, 'available');
    await api('PUT', `/v2/volumes/${restored.id}/attach`, { instance_id: ids.a1 });
    await volumeDone(restored.id, 'attached');
    assert.equal((await sh(ids.a1 as string, 'cat /mnt/restored/hello.txt')).trim(), 'written by a1');

    for (const id of [volume.id, restored.id]) {
      await api('PUT', `/v2/volumes/${id}/detach`);
      await volumeDone(id, 'available');
      await api('DELETE', `/v2/volumes/${id}`);
    }
    await api('DELETE', `/v2/snapshots/${snapshot.id}`);
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

  test('a snapshot is a custom image that boots with the files written before it; a rebuild from an OS image wipes them, keeping id and address', async () => {
    const source = await createInstance('golden', ids.netA as string);
    const { ipv4 } = await running(source);
    await sh(source, 'echo from-golden > /root/marker.txt && sync');
    const snapshot = await api('POST', `/v2/instances/${source}/snapshot`, { name: 'golden-image', crash_consistent: true });
    const image = await waitFor(`/v2/images/${snapshot.image_id}`, (r) => r.body.status !== 'creating', 'the image taken');
    assert.deepEqual([image.status, image.source_instance_id, image.region], ['available', source, 'eu-west-1']);
    assert.ok(image.size_gb >= 1);

    const copy = await createInstance('copy', ids.netA as string, { image: image.id });
    await running(copy);
    assert.equal((await sh(copy, 'cat /root/marker.txt')).trim(), 'from-golden', 'the copy boots with the source\'s files');
    assert.equal((await sh(copy, 'hostname')).trim(), 'copy', 'and its own hostname');

    await api('PUT', `/v2/instances/${source}/rebuild`, { image: 'debian-12' });
    const rebuilt = await waitFor(`/v2/instances/${source}`, (r) => r.body.status === 'running', `${source} rebuilt`);
    assert.deepEqual([rebuilt.id, rebuilt.ipv4, rebuilt.image], [source, ipv4, 'debian-12']);
    assert.equal((await shStatus(source, 'test -e /root/marker.txt')).code, 1, 'the rebuilt disk is a fresh debian-12');
    assert.equal((await sh(source, 'hostname')).trim(), 'golden');

    for (const id of [source, copy]) await api('DELETE', `/v2/instances/${id}`);
    for (const id of [source, copy]) await waitFor(`/v2/instances/${id}`, (r) => r.status === 404, `${id} deleted`);
    await api('DELETE', `/v2/images/${image.id}`);
    await waitFor(`/v2/images/${image.id}`, (r) => r.status === 404, 'the image deleted');
    assert.equal(existsSync(path.join(dataDir, 'linux', 'images', 'custom', image.id)), false, 'its tree is gone from the host');
  });

  test('after kill -9 the server loses nothing: it recreates what the host lost and removes orphans', async () => {
    const a2Boot = (await sh(ids.a2 as string, 'cat /run/cnx-boot-id')).trim();
    await kill9(server);
    await loseInstance(ids.a1 as string);
    const orphan = 'inst_0rphan0000000000';
    await makeOrphan(orphan);
    server = await startLinuxServer(dataDir);
    assert.equal((await sh(ids.a1 as string, 'hostname')).trim(), 'a1', 'a1 is booted again');
    assert.equal((await sh(ids.a1 as string, 'cat /root/user-data-ran')).trim(), 'ran', 'with its disk');
    assert.equal((await sh(ids.a2 as string, 'cat /run/cnx-boot-id')).trim(), a2Boot, 'a2 kept running through the server restart');
    await waitForPing(ids.a2 as string, ips.a1 as string);
    const objects = await hostObjects(dataDir);
    assert.ok(!objects.some((o) => o.includes(orphan)), `orphan left: ${objects}`);
  });

  test('deleting instances leaves nothing on the host', async () => {
    for (const name of ['a1', 'a2', 'b1']) await api('DELETE', `/v2/instances/${ids[name]}`);
    for (const name of ['a1', 'a2', 'b1']) await waitFor(`/v2/instances/${ids[name]}`, (r) => r.status === 404, `${name} deleted`);
    assert.deepEqual(await hostObjects(dataDir), []);
  });
});

describe('linux driver preflight', () => {
  test('without root it refuses to start, saying why', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-linux-nonroot-'));
    try {
      await fs.chmod(dataDir, 0o777);
      // As root, drop to nobody for this one process; otherwise this already is not root.
      const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
      const bin = fileURLToPath(new URL('../server/src/bin.ts', import.meta.url));
      const [file, ...args] = [...asNobody, process.execPath, '--import', 'tsx', bin, 'start', '--driver', 'linux', '--data-dir', dataDir, '--port', '0'];
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(file as string, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += c));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, process.platform === 'linux' ? /must run as root/ : /runs only on Linux/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
