// Public addresses and SSH on the linux driver, end to end: from this host, `ssh root@<public_ipv4>`
// reaches the instance through the host route, the VPC's uplink and its NAT, and the instance's own
// firewall decides. Needs root on Linux (and ssh-keygen, dropbear on the host); skipped elsewhere.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { uplinkName } from '../server/src/drivers/linux/names.js';
import { hasSshServer } from '../server/src/drivers/linux/ssh-server.js';
import { isRequired } from '../server/test/helpers/required.js';
import { linuxAccount, startLinuxServer } from './helpers/linux-server.js';
import { forceCleanup, hostObjects, shStatus, skipWithoutLinuxRoot } from './helpers/linux.js';
import { kill9, requestOk, stop, waitForReply, type Reply, type RunningServer } from './helpers/server.js';

/** Runs a host program; resolves with its exit code and output, never throws. */
function host(file: string, args: string[], timeoutMs = 15_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** Root, and the SSH server the minimal image copies from the host (CI installs it: required then). */
function skipWithoutSsh(): string | false {
  const noRoot = skipWithoutLinuxRoot();
  if (noRoot || hasSshServer()) return noRoot;
  if (isRequired('linux')) throw new Error('CLOUDNEXUS_TEST_REQUIRE names linux but dropbear is missing (apt-get install dropbear-bin)');
  process.stderr.write('\n*** dropbear is missing (apt-get install dropbear-bin): the linux SSH suite is SKIPPED ***\n\n');
  return 'needs dropbear on the host';
}

describe('linux driver: public IPs and SSH', { skip: skipWithoutSsh() }, () => {
  let dataDir: string;
  let keysDir: string;
  let key: string;
  let server: RunningServer;
  // A /28 of its own in the documentation range, so parallel suites on this host do not share addresses.
  const pool = `198.51.100.${16 * (1 + (process.pid % 14))}/28`;
  const serverArgs = ['--public-ip-pool', pool];
  const api = (method: string, url: string, body?: unknown) => requestOk(server, key, method, url, body);
  const waitFor = (url: string, done: (reply: Reply) => boolean, what: string) => waitForReply(server, key, url, done, what, 60_000);
  const running = (id: string) => waitFor(`/v2/instances/${id}`, (r) => r.body.status === 'running', `${id} running`);
  const ids: Record<string, string> = {};
  let publicIp = '';
  let vpcId = '';

  /** `ssh -i <key> root@<ip> hostname`: the hostname on success, '' when refused or unreachable. */
  const sshHostname = async (keyName: string, ip = publicIp) => {
    const { code, output } = await host('ssh', ['-i', path.join(keysDir, keyName), '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=5', '-o', 'LogLevel=ERROR', `root@${ip}`, 'hostname']);
    return code === 0 ? output : '';
  };
  const eventually = async (check: () => Promise<boolean>, what: string, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `timed out: ${what}`);
      await sleep(300);
    }
  };
  const sshRule = { protocol: 'tcp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } };
  const setFirewall = (inbound: unknown[]) => api('PUT', `/v2/firewalls/${ids.fw}`, { name: 'ssh', inbound_rules: inbound, apply_to: { label_selector: 'role=ssh' } });

  before(async () => {
    ({ dataDir, key } = await linuxAccount('cnx-linux-ssh-'));
    keysDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-ssh-keys-'));
    for (const name of ['key1', 'key2']) {
      const made = await host('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', path.join(keysDir, name)]);
      assert.equal(made.code, 0, made.output);
    }
    server = await startLinuxServer(dataDir, serverArgs);
    const sshKey = await api('POST', '/v2/ssh_keys', { name: 'key1', public_key: (await fs.readFile(path.join(keysDir, 'key1.pub'), 'utf8')).trim() });
    const vpc = await api('POST', '/v2/vpcs', { name: 'vpc-ssh', region: 'eu-west-1', ip_range: '10.41.0.0/16' });
    vpcId = vpc.id;
    const network = await api('POST', '/v2/networks', { name: 'net-ssh', vpc_id: vpc.id, ip_range: '10.41.1.0/24', environment: 'development' });
    ids.fw = (await api('POST', '/v2/firewalls', { name: 'ssh', inbound_rules: [sshRule], apply_to: { label_selector: 'role=ssh' } })).id;
    const create = (name: string, extra: Record<string, unknown>) =>
      api('POST', '/v2/instances', { name, region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: network.id, ssh_keys: [sshKey.id], labels: { role: 'ssh' }, ...extra });
    ids.a = (await create('ssh-a', { public_ip: true })).id;
    ids.b = (await create('ssh-b', {})).id;
    const a = await running(ids.a as string);
    await running(ids.b as string);
    publicIp = a.public_ipv4;
    assert.ok(publicIp, 'A has a public address');
    ids.rip = (await api('GET', `/v2/reserved_ips?instance_id=${ids.a}`)).data[0].id;
  });

  after(async () => {
    try {
      if (server) await stop(server);
    } finally {
      await forceCleanup(dataDir);
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(keysDir, { recursive: true, force: true });
    }
  });

  test('ssh with the authorized key reaches the instance by its public address; another key is refused', async () => {
    await eventually(async () => (await sshHostname('key1')) === 'ssh-a', 'ssh -i key1 answers ssh-a');
    const refused = await host('ssh', ['-i', path.join(keysDir, 'key2'), '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=5', `root@${publicIp}`, 'hostname']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /Permission denied/, 'the server answered and refused the key');
  });

  test('a restart keeps the host key made on first boot', async () => {
    const hostKey = async () => (await shStatus(ids.a as string, 'md5sum /etc/dropbear/dropbear_ed25519_host_key')).output;
    const before = await hostKey();
    assert.match(before, /^[0-9a-f]{32} /);
    await api('PUT', `/v2/instances/${ids.a}/restart`);
    await running(ids.a as string);
    assert.equal(await hostKey(), before);
    await eventually(async () => (await sshHostname('key1')) === 'ssh-a', 'ssh answers after the restart');
  });

  test('the instance firewall judges traffic to the public address', async () => {
    await setFirewall([{ protocol: 'icmp', sources: { addresses: ['0.0.0.0/0'] } }]);
    await eventually(async () => (await sshHostname('key1')) === '', 'ssh refused once tcp/22 is no longer allowed');
    await setFirewall([sshRule]);
    await eventually(async () => (await sshHostname('key1')) === 'ssh-a', 'ssh works again with the rule back');
  });

  test('without CLOUDNEXUS_INSTANCE_EGRESS the instance cannot open connections to the host', async () => {
    const listener = net.createServer((socket) => socket.end('host\n'));
    await new Promise<void>((resolve) => listener.listen(0, '0.0.0.0', resolve));
    try {
      const { port } = listener.address() as net.AddressInfo;
      const route = await host('ip', ['-4', '-j', 'route', 'get', publicIp]);
      const hostAddress = (JSON.parse(route.output) as { prefsrc: string }[])[0]?.prefsrc as string;
      const { output } = await shStatus(ids.a as string, `timeout 3 nc -w 1 ${hostAddress} ${port} </dev/null`);
      assert.doesNotMatch(output, /host/, 'the instance reached the host');
    } finally {
      listener.close();
    }
  });

  test('the routes come back after a kill -9 and restart', async () => {
    await kill9(server);
    await host('ip', ['link', 'delete', uplinkName(vpcId)]);
    assert.equal(await sshHostname('key1'), '', 'the uplink is gone');
    server = await startLinuxServer(dataDir, serverArgs);
    await eventually(async () => (await sshHostname('key1')) === 'ssh-a', 'ssh works after the restart');
  });

  test('a restart removes the route of an address the database does not assign', async () => {
    // As if a crash lost an unassign halfway: the state file and the host route are still there.
    const stale = pool.replace(/\d+\/28$/, (last) => String(Number(last.split('/')[0]) + 14));
    const machine = JSON.parse(await fs.readFile(path.join(dataDir, 'linux', 'instances', ids.a as string, 'machine.json'), 'utf8'));
    await kill9(server);
    await fs.writeFile(path.join(dataDir, 'linux', 'public-ips', `${stale}.json`), JSON.stringify({ ip: stale, instanceId: ids.a, vpcId, privateIp: machine.spec.ipv4 }));
    assert.equal((await host('ip', ['route', 'add', `${stale}/32`, 'dev', uplinkName(vpcId)])).code, 0);
    server = await startLinuxServer(dataDir, serverArgs);
    assert.equal((await host('ip', ['-4', 'route', 'show', `${stale}/32`])).output, '', 'the stale route is gone');
    assert.equal(existsSync(path.join(dataDir, 'linux', 'public-ips', `${stale}.json`)), false);
    assert.equal(await sshHostname('key1'), 'ssh-a', 'the assigned address still routes');
  });

  test('moved to a second instance, the address reaches that one; unassigned, it reaches nothing', async () => {
    await api('PUT', `/v2/reserved_ips/${ids.rip}/assign`, { instance_id: ids.b });
    await waitFor(`/v2/reserved_ips/${ids.rip}`, (r) => r.body.status === 'assigned' && r.body.instance_id === ids.b, 'moved to B');
    await eventually(async () => (await sshHostname('key1')) === 'ssh-b', 'ssh reaches ssh-b');
    await api('PUT', `/v2/reserved_ips/${ids.rip}/unassign`);
    await waitFor(`/v2/reserved_ips/${ids.rip}`, (r) => r.body.status === 'unassigned', 'unassigned');
    assert.equal(await sshHostname('key1'), '');
    assert.equal((await host('ip', ['-4', 'route', 'show', `${publicIp}/32`])).output, '', 'the host route is gone');
    assert.notEqual((await host('ip', ['link', 'show', 'dev', uplinkName(vpcId)])).code, 0, 'the uplink is gone');
  });

  test('deleting the instances leaves nothing on the host', async () => {
    await api('PUT', `/v2/reserved_ips/${ids.rip}/assign`, { instance_id: ids.a });
    await waitFor(`/v2/reserved_ips/${ids.rip}`, (r) => r.body.status === 'assigned', 'assigned to A again');
    for (const name of ['a', 'b']) await api('DELETE', `/v2/instances/${ids[name]}`);
    for (const name of ['a', 'b']) await waitFor(`/v2/instances/${ids[name]}`, (r) => r.status === 404, `${name} deleted`);
    assert.equal((await host('ip', ['-4', 'route', 'show', `${publicIp}/32`])).output, '');
    assert.notEqual((await host('ip', ['link', 'show', 'dev', uplinkName(vpcId)])).code, 0);
    assert.deepEqual(await hostObjects(dataDir), []);
  });
});
