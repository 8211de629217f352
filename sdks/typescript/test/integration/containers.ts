import assert from 'node:assert/strict';
import { openAsBlob } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConflictError, NotFoundError, UnprocessableEntityError } from '../../src/index.js';
import { ociArchive } from '../../../../server/test/helpers/image-archives.js';
import type { LiveServer } from '../helpers/live-server.js';

export function containerTests(live: LiveServer) {
  test('container images: upload from a file (streamed Blob) and from bytes, list, retrieve, delete; a path escape is a 422', async () => {
    const client = live.client();
    const archive = await ociArchive({ config: { Cmd: ['/bin/app'] }, layers: [[{ name: 'bin/app', content: '#!/bin/sh\n', mode: 0o755 }]] });
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'sdk-image-')), 'image.tar');
    await fs.writeFile(file, archive);
    const fromFile = await client.containerImages.upload({ name: 'sdk-app:1', region: 'eu-west-1', archive: await openAsBlob(file) });
    assert.match(fromFile.id, /^cimg_/);
    assert.deepEqual([fromFile.cmd, fromFile.size_bytes], [['/bin/app'], archive.length]);
    const fromBytes = await client.containerImages.upload({ name: 'sdk-app:2', region: 'eu-west-1', archive });
    assert.deepEqual(await client.containerImages.retrieve(fromBytes.id), fromBytes);
    const ids: string[] = [];
    for await (const image of client.containerImages.list({ region: 'eu-west-1' })) ids.push(image.id);
    assert.ok(ids.includes(fromFile.id) && ids.includes(fromBytes.id));
    await client.containerImages.delete(fromBytes.id);
    await assert.rejects(client.containerImages.retrieve(fromBytes.id), NotFoundError);

    const hostile = await ociArchive({ layers: [[{ name: '../escape', content: 'x' }]] });
    const refused = await client.containerImages.upload({ name: 'sdk-bad', region: 'eu-west-1', archive: hostile }).catch((e: unknown) => e);
    assert.ok(refused instanceof UnprocessableEntityError, String(refused));
    assert.equal(refused.reason, 'unsafe_layer_entry');
    assert.match(refused.message, /\.\.\/escape/);
  });

  test('containers: create and wait, logs, metrics, stop/start/restart, update, delete', async () => {
    const client = live.client();
    const archive = await ociArchive({ config: { Entrypoint: ['/bin/app'] }, layers: [[{ name: 'bin/app', content: '#!/bin/sh\n', mode: 0o755 }]] });
    const image = await client.containerImages.upload({ name: 'sdk-run', region: 'eu-west-1', archive });
    const container = await client.containers.create(
      { name: 'sdk-ctr', region: 'eu-west-1', image_id: image.id, memory_mb: 64, cpu: 0.25, ports: [{ container_port: 80, protocol: 'tcp' }], labels: { suite: 'sdk' } },
      { wait: true },
    );
    assert.equal(container.status, 'running');
    assert.match(container.ipv4 ?? '', /^\d+\.\d+\.\d+\.\d+$/);
    assert.deepEqual((await client.containers.logs(container.id, { tail: 1 })).stdout.length, 1);
    assert.equal((await client.containers.metrics(container.id, { type: 'cpu' })).container_id, container.id);
    const stopped = await client.containers.stop(container.id, { wait: true });
    assert.equal(stopped.status, 'completed');
    assert.equal((await client.containers.retrieve(container.id)).status, 'stopped');
    await assert.rejects(client.containers.stop(container.id), ConflictError);
    assert.equal((await client.containers.start(container.id, { wait: true })).status, 'completed');
    const restarting = await client.containers.restart(container.id);
    assert.equal(restarting.status, 'restarting');
    assert.equal((await client.actions.waitFor(restarting.action_id, { timeout: 30_000 })).status, 'completed');
    const renamed = await client.containers.update(container.id, { name: 'sdk-ctr-2', labels: { suite: null } });
    assert.deepEqual([renamed.name, renamed.labels], ['sdk-ctr-2', {}]);
    const listed: string[] = [];
    for await (const each of client.containers.list({ region: 'eu-west-1' })) listed.push(each.id);
    assert.ok(listed.includes(container.id));
    await assert.rejects(client.containerImages.delete(image.id), ConflictError);
    await client.containers.delete(container.id, { wait: true });
    await assert.rejects(client.containers.retrieve(container.id), NotFoundError);
    await client.containerImages.delete(image.id);
  });
}
