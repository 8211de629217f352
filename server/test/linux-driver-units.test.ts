// The pure parts of the linux driver (no root needed): firewall rendering, host names, metrics.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { writeFirstBoot } from '../src/drivers/linux/rootfs.js';
import { DENY_INBOUND, renderRuleset } from '../src/drivers/linux/nftables.js';
import { bridgeName, macAddress, uplinkName, vethName, vpcNamespace } from '../src/drivers/linux/names.js';
import { renderUplinkRules } from '../src/drivers/linux/public-nat.js';
import { MetricsSampler } from '../src/drivers/linux/metrics-sampler.js';
import { loadConfig } from '../src/config.js';
import { hbaConf } from '../src/drivers/linux/database-tree.js';
import { bundleConfig, numericUser } from '../src/drivers/linux/oci-bundle.js';

describe('linux driver: nftables rules', () => {
  test('inbound is dropped unless a rule allows it; replies and loopback always pass', () => {
    const ruleset = renderRuleset(DENY_INBOUND);
    assert.match(ruleset, /hook input priority 0; policy drop;/);
    assert.match(ruleset, /hook output priority 0; policy accept;/);
    assert.match(ruleset, /ct state established,related accept/);
    assert.match(ruleset, /iif "lo" accept/);
    // Replaced atomically: declare, delete, re-create in one nft transaction.
    assert.match(ruleset, /^table inet cnx-firewall\ndelete table inet cnx-firewall\ntable inet cnx-firewall \{/);
  });

  test('rules become matches on peers, protocol and ports; empty peers allow nothing', () => {
    const ruleset = renderRuleset({
      inbound: [
        { protocol: 'tcp', ports: '8000-8100', peers: ['10.0.0.0/8', '10.1.2.3/32'] },
        { protocol: 'icmp', ports: null, peers: ['0.0.0.0/0'] },
        { protocol: 'udp', ports: '53', peers: [] },
      ],
      outbound: [{ protocol: 'udp', ports: '53', peers: ['10.0.0.2/32'] }],
      restrictOutbound: true,
    });
    assert.match(ruleset, /ip saddr \{ 10\.0\.0\.0\/8, 10\.1\.2\.3\/32 \} tcp dport 8000-8100 accept/);
    assert.match(ruleset, /\n {4}meta l4proto icmp accept/, 'anywhere needs no address match');
    assert.doesNotMatch(ruleset, /udp dport 53 accept\n {2}\}\n {2}chain outbound/);
    assert.match(ruleset, /hook output priority 0; policy drop;/);
    assert.match(ruleset, /ip daddr \{ 10\.0\.0\.2\/32 \} udp dport 53 accept/);
  });
});

describe('linux driver: public address rules', () => {
  const routes = [
    { ip: '198.51.100.7', privateIp: '10.0.0.5' },
    { ip: '198.51.100.8', privateIp: '10.0.0.6' },
  ];

  test('each public address is translated to its instance from the uplink only; the host reaches nothing else', () => {
    const rules = renderUplinkRules(routes, false);
    assert.match(rules, /iif "cnx-up" ip daddr 198\.51\.100\.7 dnat to 10\.0\.0\.5\n {4}iif "cnx-up" ip daddr 198\.51\.100\.8 dnat to 10\.0\.0\.6/);
    assert.match(rules, /iif "cnx-up" ct status dnat accept\n {4}iif "cnx-up" drop/);
    assert.match(rules, /^table ip cnx-public\ndelete table ip cnx-public\n/);
  });

  test('without egress only replies leave by the uplink; with it, instances with an address leave as that address', () => {
    const closed = renderUplinkRules(routes, false);
    assert.doesNotMatch(closed, /snat/);
    assert.match(closed, /oif "cnx-up" ct state established,related accept\n {4}oif "cnx-up" drop/);
    const open = renderUplinkRules(routes, true);
    assert.match(open, /oif "cnx-up" ip saddr 10\.0\.0\.5 snat to 198\.51\.100\.7/);
    assert.match(open, /oif "cnx-up" ip saddr \{ 10\.0\.0\.5, 10\.0\.0\.6 \} accept\n {4}oif "cnx-up" drop/);
  });
});

describe('linux driver: first boot of a copied tree', () => {
  test("a custom image's SSH host keys are removed, and nothing is removed through a link out of the tree", async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-rootfs-'));
    try {
      const [root, outside] = [path.join(scratch, 'root'), path.join(scratch, 'outside')];
      await fs.mkdir(path.join(root, 'etc/dropbear'), { recursive: true });
      await fs.mkdir(outside);
      for (const file of [path.join(root, 'etc/dropbear/dropbear_ed25519_host_key'), path.join(outside, 'ssh_host_ed25519_key')]) await fs.writeFile(file, 'key');
      await fs.symlink(outside, path.join(root, 'etc/ssh'));
      await writeFirstBoot(root, { hostname: 'copy', sshPublicKeys: ['ssh-ed25519 AAAA test'], userData: null });
      assert.deepEqual(await fs.readdir(path.join(root, 'etc/dropbear')), [], 'the copy makes its own host key');
      assert.deepEqual(await fs.readdir(outside), ['ssh_host_ed25519_key'], 'the link was not followed');
      assert.equal(await fs.readFile(path.join(root, 'root/.ssh/authorized_keys'), 'utf8'), 'ssh-ed25519 AAAA test\n');
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('linux driver: host names', () => {
  test('every name carries cnx- and interface names fit in 15 bytes', () => {
    for (const name of [bridgeName('net_0123456789abcdef'), vethName('inst_0123456789abcdef'), uplinkName('vpc_0123456789abcdef')]) {
      assert.ok(name.startsWith('cnx-'));
      assert.ok(name.length <= 15, name);
    }
    assert.equal(vpcNamespace('vpc_1'), 'cnx-vpc_1');
  });

  test('MACs are stable per id, unicast and locally administered', () => {
    assert.equal(macAddress('inst_a'), macAddress('inst_a'));
    assert.notEqual(macAddress('inst_a'), macAddress('inst_b'));
    assert.match(macAddress('inst_a'), /^02(:[0-9a-f]{2}){5}$/);
  });
});

describe('linux driver: metrics', () => {
  test('CPU and network are rates between samples; memory is the latest value; no samples is zero', () => {
    const sampler = new MetricsSampler();
    sampler.record('i', { t: 1000, cpuUsec: 0, memoryBytes: 0, rxBytes: 0, txBytes: 0, cpus: 2 });
    sampler.record('i', { t: 1010, cpuUsec: 5_000_000, memoryBytes: 512 * 1024 ** 2, rxBytes: 10_000, txBytes: 2_000, cpus: 2 });
    const [cpu] = sampler.series('i', { type: 'cpu', start: 1010, end: 1010, step: 10 });
    assert.deepEqual(cpu?.points, [[1010, 25]]);
    const [memory] = sampler.series('i', { type: 'memory', start: 1010, end: 1010, step: 10 });
    assert.deepEqual(memory?.points, [[1010, 0.5]]);
    const [rx, tx] = sampler.series('i', { type: 'network', start: 1010, end: 1010, step: 10 });
    assert.deepEqual([rx?.points, tx?.points], [[[1010, 1000]], [[1010, 200]]]);
    assert.deepEqual(sampler.series('other', { type: 'cpu', start: 1010, end: 1010, step: 10 })[0]?.points, [[1010, 0]]);
  });
});

describe('linux driver: database access rules', () => {
  test("only the network's addresses log in, with SCRAM; the superuser only on the local socket", () => {
    const lines = hbaConf('10.41.1.0/24').trim().split('\n');
    // pg_hba.conf is first match: the superuser's network refusal must come before the network's grant.
    assert.deepEqual(lines, ['local all postgres peer', 'host all postgres 0.0.0.0/0 reject', 'host all all 10.41.1.0/24 scram-sha-256']);
  });
});

describe('linux driver: configuration', () => {
  test('CLOUDNEXUS_DRIVER accepts linux; sim stays the default', () => {
    assert.equal(loadConfig({}, {}).driver, 'sim');
    assert.equal(loadConfig({ CLOUDNEXUS_DRIVER: 'linux' }, {}).driver, 'linux');
  });
});

describe('linux driver: OCI bundles of containers', () => {
  const spec = {
    containerId: 'ctr_0123456789abcdef',
    name: 'web',
    rootfs: '/images/x/rootfs',
    argv: ['/bin/app', '--port', '8080'],
    env: ['PATH=/bin', 'MODE=prod'],
    workingDir: '/srv',
    user: '1000:1001',
    memoryMb: 128,
    cpu: 0.5,
    ports: [],
    ipv4: '10.1.0.5',
    network: { id: 'net_1', vpcId: 'vpc_1', ipRange: '10.1.0.0/24' },
  };

  test("the process, its namespaces (the driver's network namespace), its cgroup and its limits", () => {
    const config = bundleConfig(spec, '/run/netns/cnx-ctr_0123456789abcdef') as any;
    assert.deepEqual([config.process.args, config.process.env, config.process.cwd, config.process.user], [spec.argv, spec.env, '/srv', { uid: 1000, gid: 1001 }]);
    assert.equal(config.process.noNewPrivileges, true);
    assert.ok(!config.process.capabilities.bounding.includes('CAP_SYS_ADMIN'), 'no CAP_SYS_ADMIN');
    assert.deepEqual(config.linux.namespaces.find((n: { type: string }) => n.type === 'network'), { type: 'network', path: '/run/netns/cnx-ctr_0123456789abcdef' });
    assert.equal(config.linux.cgroupsPath, '/cnx-ctr_0123456789abcdef');
    assert.deepEqual(config.linux.resources, { memory: { limit: 128 * 1024 * 1024 }, cpu: { quota: 50_000, period: 100_000 } });
    assert.equal(config.hostname, 'web');
  });

  test('an image user is read as numbers; a name runs as root', () => {
    assert.deepEqual(numericUser(''), { uid: 0, gid: 0 });
    assert.deepEqual(numericUser('1000'), { uid: 1000, gid: 1000 });
    assert.deepEqual(numericUser('7:9'), { uid: 7, gid: 9 });
    assert.deepEqual(numericUser('nobody'), { uid: 0, gid: 0 });
  });
});
