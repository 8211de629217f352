import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ociArchive } from '../../server/test/helpers/image-archives.js';
import { apiEnv, cli, cliJson } from './helpers/cli.js';

/** An OCI image layout tar on disk, as `container-images push` reads it. */
async function archiveFile(entries: { name: string; content: string }[]): Promise<string> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'cli-image-')), 'image.tar');
  await fs.writeFile(file, await ociArchive({ config: { Cmd: ['/bin/app'] }, layers: [entries] }));
  return file;
}

describe('container images and containers', () => {
  test('push, list, get; a push with a path escape fails naming the entry; delete', async () => {
    const file = await archiveFile([{ name: 'bin/app', content: '#!/bin/sh\n' }]);
    const image = await cliJson(['container-images', 'push', file, '--name', 'cli-img:1', '--region', 'eu-central-1']);
    assert.match(image.id, /^cimg_/);
    assert.deepEqual(image.cmd, ['/bin/app']);
    const listed = await cliJson<{ id: string }[]>(['container-images', 'list', '--all', '--region', 'eu-central-1']);
    assert.ok(listed.some((each) => each.id === image.id));
    assert.equal((await cliJson(['container-images', 'get', image.id])).name, 'cli-img:1');

    const hostile = await archiveFile([{ name: '../../etc/evil', content: 'x' }]);
    const refused = await cli(['container-images', 'push', hostile, '--name', 'cli-bad', '--region', 'eu-central-1'], { env: apiEnv() });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /\.\.\/\.\.\/etc\/evil/);

    const deleted = await cli(['container-images', 'delete', image.id], { env: apiEnv() });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, /Deleted container image/);
  });

  test('create --wait with env, ports and a command; logs, metrics, stop, start, restart, update, delete', async () => {
    const image = await cliJson(['container-images', 'push', await archiveFile([{ name: 'bin/app', content: '#!/bin/sh\n' }]), '--name', 'cli-run', '--region', 'eu-central-1']);
    const created = await cli(
      ['containers', 'create', '--name', 'cli-ctr', '--region', 'eu-central-1', '--image-id', image.id, '--memory-mb', '64', '--cpu', '0.5', '--env', 'MODE=test', '--port', '8080', '--port', '53/udp', '--command', '["/bin/app","--flag"]', '--label', 'suite=cli', '--wait', '-o', 'json'],
      { env: apiEnv() },
    );
    assert.equal(created.code, 0, created.stderr);
    const container = JSON.parse(created.stdout);
    assert.deepEqual(
      [container.status, container.environment, container.ports, container.command, container.cpu],
      ['running', { MODE: 'test' }, [{ container_port: 8080, protocol: 'tcp' }, { container_port: 53, protocol: 'udp' }], ['/bin/app', '--flag'], 0.5],
    );
    const logs = await cli(['containers', 'logs', container.id, '--tail', '5', '-o', 'table'], { env: apiEnv() });
    assert.match(logs.stdout, /\/bin\/app --flag started/);
    assert.equal((await cliJson(['containers', 'metrics', container.id, '--type', 'cpu'])).container_id, container.id);
    assert.deepEqual((await cliJson(['containers', 'stop', container.id, '--wait'])).status, 'completed');
    assert.equal((await cliJson(['containers', 'get', container.id])).status, 'stopped');
    assert.equal((await cliJson(['containers', 'start', container.id, '--wait'])).status, 'completed');
    assert.equal((await cliJson(['containers', 'restart', container.id, '--wait'])).type, 'restart');
    assert.equal((await cliJson(['containers', 'update', container.id, '--name', 'cli-ctr-2'])).name, 'cli-ctr-2');
    assert.deepEqual((await cliJson<{ id: string }[]>(['containers', 'list', '--all', '--selector', 'suite=cli'])).map((c) => c.id), [container.id]);
    const badPort = await cli(['containers', 'create', '--name', 'x', '--region', 'eu-central-1', '--image-id', image.id, '--memory-mb', '64', '--cpu', '1', '--port', 'http'], { env: apiEnv() });
    assert.notEqual(badPort.code, 0);
    assert.match(badPort.stderr, /expected PORT/);
    assert.equal((await cliJson(['containers', 'delete', container.id, '--wait'])).status, 'completed');
    assert.equal((await cli(['container-images', 'delete', image.id], { env: apiEnv() })).code, 0);
  });
});
