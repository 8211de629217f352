// Containers on the linux driver, end to end: the test writes a tiny OCI image itself (the host's
// busybox-static and a start script), uploads it, and runc runs it in its VPC network; an instance
// in the same network fetches the container's port, the logs show what it printed, and after a
// kill -9 and a lost container (a host reboot) reconciliation runs it again. A hostile
// archive is refused naming its entry and leaves no files. Needs root on Linux; skipped elsewhere.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { run } from '../server/src/drivers/linux/host-command.js';
import { namespacePath } from '../server/src/drivers/linux/namespaces.js';
import { ociArchive } from '../server/test/helpers/image-archives.js';
import { kill9, request, requestOk, stop, waitForReply, type Reply, type RunningServer } from './helpers/server.js';
import { linuxAccount, startLinuxServer } from './helpers/linux-server.js';
import { forceCleanup, memoryLimit, shStatus, skipWithoutLinuxRoot } from './helpers/linux.js';

const START = `#!/bin/sh
echo "hello from $(hostname)"
echo "a warning on stderr" >&2
mkdir -p /www
echo "container says $GREETING" > /www/index.html
exec httpd -f -p 8080 -h /www
`;

describe('linux containers', { skip: skipWithoutLinuxRoot() }, () => {
  let dataDir: string;
  let key: string;
  let server: RunningServer;
  const api = (method: string, url: string, body?: unknown) => requestOk(server, key, method, url, body);
  const waitFor = (url: string, done: (reply: Reply) => boolean, what: string) => waitForReply(server, key, url, done, what, 60_000);
  const settled = (url: string, status: string) => waitFor(url, (r) => r.body.status === status, `${url} ${status}`);
  /** What an HTTP GET from the instance to the container answers (busybox wget), or null. */
  const fetchFrom = async (instanceId: string, url: string) => {
    // Bounded by timeout(1): this busybox's own `wget -T` crashes (SIGSEGV).
    const { code, output } = await shStatus(instanceId, `timeout 3 wget -q -O - ${url}`);
    return code === 0 ? output.trim() : null;
  };
  const eventually = async (read: () => Promise<string | null>, want: (value: string | null) => boolean, what: string) => {
    let value: string | null = null;
    for (let i = 0; i < 40; i++) {
      value = await read();
      if (want(value)) return value;
      await sleep(250);
    }
    assert.fail(`${what}: last saw ${value}`);
  };

  let instanceId: string;
  let networkId: string;

  before(async () => {
    ({ dataDir, key } = await linuxAccount('cnx-ctr-'));
    server = await startLinuxServer(dataDir);
    const vpc = await api('POST', '/v2/vpcs', { name: 'ctr-vpc', region: 'eu-west-1', ip_range: '10.41.0.0/16' });
    networkId = (await api('POST', '/v2/networks', { name: 'ctr-net', vpc_id: vpc.id, ip_range: '10.41.1.0/24', environment: 'development' })).id;
    instanceId = (await api('POST', '/v2/instances', { name: 'client', region: 'eu-west-1', plan: 'micro', image: 'debian-12', network_id: networkId })).id;
    await settled(`/v2/instances/${instanceId}`, 'running');
  });

  after(async () => {
    try {
      if (server) await stop(server);
    } finally {
      await forceCleanup(dataDir);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  test('an uploaded busybox image runs under runc in the VPC network: reachable from an instance, logs, stop/start, delete', async () => {
    const archive = await ociArchive({
      gzip: true,
      config: { Entrypoint: ['/bin/sh', '/start.sh'], Env: ['GREETING=from the image'], ExposedPorts: { '8080/tcp': {} } },
      layers: [
        [
          { name: 'bin/', type: 'directory' },
          { name: 'bin/busybox', content: await fs.readFile('/bin/busybox'), mode: 0o755 },
          ...['sh', 'httpd', 'hostname', 'mkdir', 'echo'].map((applet) => ({ name: `bin/${applet}`, type: 'symlink' as const, linkname: 'busybox' })),
        ],
        [{ name: 'start.sh', content: START, mode: 0o755 }],
      ],
    });
    const upload = await request(server, key, 'POST', '/v2/container_images?name=web&region=eu-west-1', archive);
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const image = upload.body;

    const created = await api('POST', '/v2/containers', {
      name: 'web',
      region: 'eu-west-1',
      image_id: image.id,
      environment: { GREETING: 'hello, instance' },
      ports: [{ container_port: 8080, protocol: 'tcp' }],
      memory_mb: 64,
      cpu: 0.5,
      network_id: networkId,
    });
    assert.equal(created.status, 'provisioning');
    const running = await settled(`/v2/containers/${created.id}`, 'running');
    const url = `http://${running.ipv4}:8080/`;
    assert.equal(await eventually(() => fetchFrom(instanceId, url), (v) => v !== null, 'the container answers'), 'container says hello, instance');
    assert.equal(await memoryLimit(created.id), 64 * 1024 * 1024, 'runc put it in our cgroup with its memory limit');

    const logs = await api('GET', `/v2/containers/${created.id}/logs?tail=10`);
    assert.deepEqual([logs.stdout, logs.stderr], [['hello from web'], ['a warning on stderr']]);

    await api('PUT', `/v2/containers/${created.id}/stop`);
    await settled(`/v2/containers/${created.id}`, 'stopped');
    assert.equal(await fetchFrom(instanceId, url), null, 'a stopped container answers nothing');
    await api('PUT', `/v2/containers/${created.id}/start`);
    await settled(`/v2/containers/${created.id}`, 'running');
    assert.equal(await eventually(() => fetchFrom(instanceId, url), (v) => v !== null, 'it answers again'), 'container says hello, instance');
    assert.equal((await api('GET', `/v2/containers/${created.id}/logs`)).stdout.length, 2, 'a second run appends to the logs');

    // As after a host reboot: the server dies and the container with it; reconciliation runs it again.
    await kill9(server);
    await run('runc', ['--root', path.join(dataDir, 'linux', 'runtime'), 'delete', '--force', `cnx-${created.id}`]);
    assert.equal(await fetchFrom(instanceId, url), null, 'the container is gone with the "reboot"');
    server = await startLinuxServer(dataDir);
    assert.equal(await eventually(() => fetchFrom(instanceId, url), (v) => v !== null, 'reconciled back'), 'container says hello, instance');

    await api('DELETE', `/v2/containers/${created.id}`);
    await waitFor(`/v2/containers/${created.id}`, (r) => r.status === 404, 'container gone');
    assert.equal(existsSync(namespacePath(`cnx-${created.id}`)), false, 'its network namespace is gone');
    assert.equal(existsSync(path.join(dataDir, 'linux', 'containers', created.id)), false, 'its bundle is gone');
    assert.equal((await request(server, key, 'DELETE', `/v2/container_images/${image.id}`)).status, 204);
  });

  test('an archive with a path escape is a 422 naming the entry, and leaves no files', async () => {
    const imagesDir = path.join(dataDir, 'container-images');
    const before = existsSync(imagesDir) ? readdirSync(imagesDir) : [];
    const hostile = await ociArchive({ layers: [[{ name: 'etc', type: 'symlink', linkname: '/etc' }, { name: 'etc/cron.d/evil', content: '* * * * * root id\n' }]] });
    const reply = await request(server, key, 'POST', '/v2/container_images?name=evil&region=eu-west-1', hostile);
    assert.equal(reply.status, 422);
    assert.equal(reply.body.error.reason, 'unsafe_layer_entry');
    assert.match(reply.body.error.message, /etc\/cron\.d\/evil/);
    assert.equal(existsSync('/etc/cron.d/evil'), false);
    assert.deepEqual(existsSync(imagesDir) ? readdirSync(imagesDir) : [], before);
  });
});
