// Functions on the linux driver, end to end: a real server with CLOUDNEXUS_DRIVER=linux, and the
// isolation checked from inside the function (its own PID namespace, loopback only, a cgroup at
// memory_mb), an out-of-memory and a timed-out worker answered and replaced, a function with
// network_id reaching an instance of its VPC network and not one of another VPC, and no cgroup,
// namespace or worker directory left once the functions are deleted. Needs root on Linux; skipped elsewhere.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { kill9, requestOk, stop, waitForReply, type RunningServer } from './helpers/server.js';
import { linuxAccount, startLinuxServer } from './helpers/linux-server.js';
import { forceCleanup, hostCgroups, skipWithoutLinuxRoot } from './helpers/linux.js';
import { listNamespaces, removeNamespace } from '../server/src/drivers/linux/namespaces.js';

const INSPECT = `
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
exports.handler = async (event) => {
  if (event.sleep_ms) await new Promise((resolve) => setTimeout(resolve, event.sleep_ms));
  const memoryLine = fs.readFileSync('/proc/self/cgroup', 'utf8').split('\\n').find((l) => /(^0::|memory)/.test(l));
  const cgroup = memoryLine.split(':')[2];
  const limitFile = ['/sys/fs/cgroup' + cgroup + '/memory.max', '/sys/fs/cgroup/memory' + cgroup + '/memory.limit_in_bytes'].find((f) => fs.existsSync(f));
  const outside = await new Promise((resolve) => {
    const socket = net.connect({ host: '1.1.1.1', port: 53, timeout: 1000 }, () => { socket.destroy(); resolve('connected'); });
    socket.on('error', (error) => resolve(error.code));
    socket.on('timeout', () => { socket.destroy(); resolve('timeout'); });
  });
  return { pid: process.pid, interfaces: Object.keys(os.networkInterfaces()), cgroup, limit: Number(fs.readFileSync(limitFile, 'utf8')), outside, env: Object.keys(process.env) };
};
`;
// Fetches event.url from inside the function: the HTTP status and body, or why it could not.
const FETCH = `
const os = require('node:os');
exports.handler = async (event) => {
  const interfaces = Object.keys(os.networkInterfaces()).sort();
  try {
    const response = await fetch(event.url, { signal: AbortSignal.timeout(1500) });
    return { interfaces, status: response.status, body: await response.text() };
  } catch (error) {
    return { interfaces, failed: String(error.cause?.code ?? error.name) };
  }
};
`;
// A tiny web server in the instance, started by its user_data.
const SERVE = '#!/bin/sh\nmkdir -p /www\necho "hello from $(hostname)" > /www/index.html\nbusybox httpd -p 8080 -h /www\n';
const HOG = 'def handler(event):\n    held = []\n    while True:\n        held.append(bytearray(10 ** 6))\n';

const functionCgroups = async () => (await hostCgroups().list()).filter((name) => name.startsWith('cnx-fnw-'));
const functionNamespaces = async () => (await listNamespaces()).filter((name) => name.startsWith('cnx-fn_'));
const workerDirs = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('cnx-fn-'));

describe('linux driver: functions', { skip: skipWithoutLinuxRoot() }, () => {
  let dataDir: string;
  let key: string;
  let server: RunningServer;
  let runtimes: { id: string; language: string }[];
  const api = (method: string, url: string, body?: unknown) => requestOk(server, key, method, url, body);
  const settled = (id: string, status: string) => waitForReply(server, key, `/v2/functions/${id}`, (r) => r.body.status === status, `${id} ${status}`, 30_000);
  const runtime = (language: string) => runtimes.find((r) => r.language === language)?.id as string;
  const deploy = async (name: string, body: Record<string, unknown>) =>
    (await api('POST', '/v2/functions', { name, region: 'eu-west-1', memory_mb: 128, timeout_s: 2, ...body })).id as string;
  const ids: string[] = [];
  let inVpc = { id: '', url: '', instanceId: '' };
  const waitUntil = async (check: () => Promise<boolean>, what: string) => {
    for (const deadline = Date.now() + 20_000; !(await check()); await sleep(200)) assert.ok(Date.now() < deadline, `timed out: ${what}`);
  };
  const othersWarm = new Set(workerDirs());
  const startedWarm = new Set(othersWarm);

  before(async () => {
    ({ dataDir, key } = await linuxAccount('cnx-linux-fn-'));
    server = await startLinuxServer(dataDir);
    runtimes = (await api('GET', '/v2/function_runtimes')).data;
  });

  after(async () => {
    try {
      if (server) await stop(server);
    } finally {
      for (const cgroup of await functionCgroups()) await hostCgroups().remove(cgroup);
      for (const ns of await functionNamespaces()) await removeNamespace(ns);
      await forceCleanup(dataDir);
      for (const dir of workerDirs().filter((d) => !startedWarm.has(d))) await fs.rm(path.join(os.tmpdir(), dir), { recursive: true, force: true });
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a node function runs as PID 1 of its own namespace, with loopback only and a cgroup at memory_mb', async () => {
    const id = await deploy('inspect', { runtime: runtime('nodejs'), handler: 'index.handler', files: { 'index.js': INSPECT }, environment: { ONLY: 'me' } });
    ids.push(id);
    await settled(id, 'active');
    const answer = await api('POST', `/v2/functions/${id}/invoke`, {});
    assert.equal(answer.status, 'success', JSON.stringify(answer));
    const seen = answer.result;
    assert.equal(seen.pid, 1);
    assert.deepEqual(seen.interfaces, ['lo']);
    assert.match(seen.cgroup, new RegExp(`cnx-fnw-${id}-`));
    assert.equal(seen.limit, 128 * 1024 * 1024);
    assert.notEqual(seen.outside, 'connected');
    assert.deepEqual(seen.env, ['ONLY']);
    assert.equal((await functionCgroups()).length, 1, 'one warm worker');
  });

  test('a timeout and an out-of-memory worker are answered, killed and replaced', async () => {
    const slow = await api('POST', `/v2/functions/${ids[0]}/invoke`, { sleep_ms: 5_000 });
    assert.deepEqual([slow.status, slow.error.type], ['timeout', 'timeout']);
    assert.equal((await api('POST', `/v2/functions/${ids[0]}/invoke`, {})).status, 'success');

    const hog = await deploy('hog', { runtime: runtime('python'), handler: 'main.handler', files: { 'main.py': HOG } });
    ids.push(hog);
    await settled(hog, 'active');
    const oom = await api('POST', `/v2/functions/${hog}/invoke`, {});
    assert.deepEqual([oom.status, oom.error.type], ['error', 'out_of_memory']);
  });

  test('a function with network_id reaches an instance in its network, and one in another VPC cannot', async () => {
    const network = async (name: string, octet: number) => {
      const vpc = await api('POST', '/v2/vpcs', { name: `${name}-vpc`, region: 'eu-west-1', ip_range: `10.${octet}.0.0/16` });
      return (await api('POST', '/v2/networks', { name, vpc_id: vpc.id, ip_range: `10.${octet}.1.0/24`, environment: 'development' })).id as string;
    };
    const [near, far] = [await network('fn-near', 41), await network('fn-far', 42)];
    const instance = await api('POST', '/v2/instances', { name: 'web', region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: near, user_data: Buffer.from(SERVE).toString('base64'), labels: { role: 'fn-web' } });
    // Inbound is denied unless allowed: open tcp/8080 to every source, so what is tested is the network.
    await api('POST', '/v2/firewalls', { name: 'fn-web', inbound_rules: [{ protocol: 'tcp', ports: '8080', sources: { addresses: ['0.0.0.0/0'] } }], apply_to: { label_selector: 'role=fn-web' } });
    const { ipv4 } = await waitForReply(server, key, `/v2/instances/${instance.id}`, (r) => r.body.status === 'running', 'the instance running', 60_000);
    const url = `http://${ipv4}:8080/`;

    const inside = await deploy('in-vpc', { runtime: runtime('nodejs'), handler: 'index.handler', files: { 'index.js': FETCH }, network_id: near, timeout_s: 5 });
    const outside = await deploy('other-vpc', { runtime: runtime('nodejs'), handler: 'index.handler', files: { 'index.js': FETCH }, network_id: far, timeout_s: 5 });
    ids.push(inside, outside);
    await settled(inside, 'active');
    await settled(outside, 'active');
    let reached: Record<string, unknown> = {};
    for (let tries = 0; tries < 50 && reached.status !== 200; tries++) {
      if (tries > 0) await sleep(200);
      reached = (await api('POST', `/v2/functions/${inside}/invoke`, { url })).result;
    }
    assert.deepEqual(reached, { interfaces: ['eth0', 'lo'], status: 200, body: 'hello from web\n' });
    const blocked = (await api('POST', `/v2/functions/${outside}/invoke`, { url })).result;
    assert.deepEqual(blocked.interfaces, ['eth0', 'lo']);
    assert.equal(blocked.status, undefined, JSON.stringify(blocked));
    assert.ok(blocked.failed, JSON.stringify(blocked));
    assert.equal((await functionNamespaces()).length, 2, 'one namespace per function, shared by its workers');
    inVpc = { id: inside, url, instanceId: instance.id };
  });

  test('after kill -9 the restarted server removes the function namespaces, and a cold start makes the one it needs again', async () => {
    // The killed server's workers die with it, but their temp dirs stay (nothing removes them yet): not what this checks.
    for (const dir of workerDirs()) othersWarm.add(dir);
    await kill9(server);
    server = await startLinuxServer(dataDir);
    await waitUntil(async () => (await functionNamespaces()).length === 0, 'the leftover function namespaces to go');
    assert.equal((await api('POST', `/v2/functions/${inVpc.id}/invoke`, { url: inVpc.url })).result.status, 200);
    assert.deepEqual(await functionNamespaces(), [`cnx-${inVpc.id}`]);
    await api('DELETE', `/v2/instances/${inVpc.instanceId}`);
  });

  test('deleting the functions leaves no cgroup and no worker directory', async () => {
    for (const id of ids) await api('DELETE', `/v2/functions/${id}`);
    for (const id of ids) await waitForReply(server, key, `/v2/functions/${id}`, (r) => r.status === 404, `${id} gone`, 30_000);
    assert.deepEqual(await functionCgroups(), []);
    assert.deepEqual(await functionNamespaces(), []);
    assert.deepEqual(workerDirs().filter((d) => !othersWarm.has(d)), []);
    assert.equal(existsSync(`${dataDir}/functions`) && readdirSync(`${dataDir}/functions`).length > 0, false);
  });
});
