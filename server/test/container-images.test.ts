// POST /v2/container_images: an OCI image layout or a docker save archive, streamed, checked
// (digests, path escapes, device nodes, size) and unpacked with its whiteouts; a refused upload
// leaves no row and no file. List, get and delete, per account and region.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { dockerSaveArchive, ociArchive, tarOf, type LayerEntry } from './helpers/image-archives.js';
import { ContainerImageFiles } from '../src/resources/container-images/files.js';

let counter = 0;
const BASE: LayerEntry[] = [
  { name: 'bin/', type: 'directory' },
  { name: 'bin/hello', content: '#!/bin/sh\necho hello\n', mode: 0o755 },
];

interface ImageBody {
  id: string;
  name: string;
  region: string;
  digest: string;
  layers: number;
  size_bytes: number;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  exposed_ports: string[];
  working_dir: string;
}

for (const kind of DATABASE_KINDS) {
  describe(`container images (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let imagesDir: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind));
      imagesDir = path.join(t.testDb.dataDir, 'container-images');
    });
    after(() => t.close());

    const upload = (archive: Buffer, query: Record<string, string> = {}, as = key, contentType = 'application/x-tar') =>
      t.request(as, {
        method: 'POST',
        url: `/v2/container_images?${new URLSearchParams({ name: `img-${++counter}`, region: 'us-east-1', ...query })}`,
        payload: archive,
        headers: { 'content-type': contentType },
      });
    const listed = async () => ((await t.request(key, { method: 'GET', url: '/v2/container_images?limit=100' })).json().data as ImageBody[]).map((i) => i.id);
    /** Nothing of a refused upload is left: no row, and no directory (not even its work area). */
    const assertNothingLeft = async (before: string[]) => {
      assert.deepEqual(await listed(), before);
      const entries = existsSync(imagesDir) ? readdirSync(imagesDir) : [];
      assert.deepEqual(entries.sort(), before.slice().sort());
    };

    test('an OCI layout (gzip layers) is unpacked in order, whiteouts and opaque directories applied', async () => {
      const archive = await ociArchive({
        gzip: true,
        config: { Entrypoint: ['/bin/hello'], Cmd: ['--loud'], Env: ['MODE=prod'], ExposedPorts: { '8080/tcp': {} }, WorkingDir: '/srv' },
        layers: [
          [...BASE, { name: 'etc/', type: 'directory' }, { name: 'etc/a', content: 'a' }, { name: 'etc/b', content: 'b' }, { name: 'opt/x/', type: 'directory' }, { name: 'opt/x/old', content: 'old' }, { name: 'bin/sh', type: 'symlink', linkname: '/bin/hello' }],
          [{ name: 'etc/.wh.a' }, { name: 'opt/x/.wh..wh..opq' }, { name: 'opt/x/new', content: 'new' }, { name: './etc/b', content: 'b2' }, { name: 'bin/again', type: 'link', linkname: 'bin/hello' }],
        ],
      });
      const response = await upload(archive, { name: 'web:1.0' });
      assert.equal(response.statusCode, 201, response.body);
      const image = response.json() as ImageBody;
      assert.equal(response.headers.location, `/v2/container_images/${image.id}`);
      assert.match(image.id, /^cimg_[0-9a-f]{16}$/);
      assert.deepEqual(
        [image.name, image.region, image.layers, image.size_bytes, image.entrypoint, image.cmd, image.env, image.exposed_ports, image.working_dir],
        ['web:1.0', 'us-east-1', 2, archive.length, ['/bin/hello'], ['--loud'], ['MODE=prod'], ['8080/tcp'], '/srv'],
      );
      assert.match(image.digest, /^sha256:[0-9a-f]{64}$/);

      const rootfs = path.join(imagesDir, image.id, 'rootfs');
      assert.equal(existsSync(path.join(rootfs, 'etc/a')), false, 'whiteout removed etc/a');
      assert.equal(readFileSync(path.join(rootfs, 'etc/b'), 'utf8'), 'b2');
      assert.deepEqual(readdirSync(path.join(rootfs, 'opt/x')), ['new'], 'the opaque directory lost what the lower layer had');
      assert.equal(lstatSync(path.join(rootfs, 'bin/hello')).mode & 0o777, 0o755);
      assert.equal(readlinkSync(path.join(rootfs, 'bin/sh')), '/bin/hello');
      assert.equal(lstatSync(path.join(rootfs, 'bin/again')).ino, lstatSync(path.join(rootfs, 'bin/hello')).ino);

      assert.deepEqual((await t.request(key, { method: 'GET', url: `/v2/container_images/${image.id}` })).json(), image);
      const events = (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${image.id}` })).json().data as { type: string }[];
      assert.deepEqual(events.map((e) => e.type), ['container_image.created']);
    });

    test('a docker save archive is read from manifest.json, its layers checked against the diff_ids', async () => {
      const response = await upload(await dockerSaveArchive({ config: { Cmd: ['/bin/hello'] }, layers: [BASE, [{ name: 'data.txt', content: 'x' }]] }));
      assert.equal(response.statusCode, 201, response.body);
      const image = response.json() as ImageBody;
      assert.deepEqual([image.layers, image.entrypoint, image.cmd], [2, [], ['/bin/hello']]);
      assert.equal(readFileSync(path.join(imagesDir, image.id, 'rootfs', 'data.txt'), 'utf8'), 'x');
    });

    const hostile: [string, LayerEntry[], string][] = [
      ['a name climbing out with ..', [{ name: 'bin/../../escape', content: 'x' }], 'bin/../../escape'],
      ['an absolute name', [{ name: '/etc/cron.d/evil', content: 'x' }], '/etc/cron.d/evil'],
      ['a symlink climbing out of the rootfs', [{ name: 'up', type: 'symlink', linkname: '../../../../etc' }], 'up'],
      ['an absolute symlink climbing out', [{ name: 'up', type: 'symlink', linkname: '/../../etc/shadow' }], 'up'],
      ['a write through a symlink', [{ name: 'etc', type: 'symlink', linkname: '/tmp' }, { name: 'etc/passwd', content: 'x' }], 'etc/passwd'],
      ['a hard link to a host path', [{ name: 'shadow', type: 'link', linkname: '/etc/shadow' }], 'shadow'],
      ['a device node', [{ name: 'dev/', type: 'directory' }, { name: 'dev/sda', type: 'character-device' }], 'dev/sda'],
    ];
    for (const [what, entries, entry] of hostile) {
      test(`an archive with ${what} is a 422 unsafe_layer_entry naming it, and leaves nothing`, async () => {
        const before = await listed();
        for (const build of [ociArchive, dockerSaveArchive]) {
          const body = assertError(await upload(await build({ layers: [BASE, entries] })), 422, 'unsafe_layer_entry');
          assert.ok(body.error.message.includes(entry), `${body.error.message} names ${entry}`);
          assert.deepEqual(body.error.details.map((d) => d.field), [`archive:${entry}`]);
          await assertNothingLeft(before);
        }
      });
    }

    test('a layer whose bytes do not match its digest is a 422 digest_mismatch, for both formats', async () => {
      const before = await listed();
      for (const build of [ociArchive, dockerSaveArchive]) {
        const body = assertError(await upload(await build({ layers: [BASE, [{ name: 'x', content: 'y' }]], corruptLayer: 1 })), 422, 'digest_mismatch');
        assert.match(body.error.message, /does not match its digest/);
        await assertNothingLeft(before);
      }
    });

    test('what is not an image archive is a 422 invalid_image_archive; another media type or no body a 415', async () => {
      const before = await listed();
      assertError(await upload(Buffer.from('this is not a tar archive at all, just text '.repeat(40))), 422, 'invalid_image_archive');
      const truncated = (await dockerSaveArchive({ layers: [BASE] })).subarray(0, 512 * 3);
      assertError(await upload(truncated), 422, 'invalid_image_archive');
      const tarWithoutManifest = await tarOf([{ name: 'hello.txt', content: 'hi' }]);
      const body = assertError(await upload(tarWithoutManifest), 422, 'invalid_image_archive');
      assert.match(body.error.message, /neither an OCI image layout/);
      const brokenManifest = await tarOf([{ name: 'manifest.json', content: '[{"Config": ' }]);
      assert.match(assertError(await upload(brokenManifest), 422, 'invalid_image_archive').error.message, /manifest\.json is not JSON/);
      assertError(await upload(Buffer.from('{}'), {}, key, 'application/json'), 415, 'unsupported_media_type');
      assertError(await t.request(key, { method: 'POST', url: '/v2/container_images?name=x&region=us-east-1' }), 415, 'unsupported_media_type');
      assertError(await upload(Buffer.alloc(0)), 422, 'invalid_image_archive');
      await assertNothingLeft(before);
    });

    test('names are unique per account and region; the region must exist; query parameters are required', async () => {
      const archive = await ociArchive({ layers: [BASE] });
      assert.equal((await upload(archive, { name: 'dup' })).statusCode, 201);
      assertError(await upload(archive, { name: 'dup' }), 409, 'name_taken');
      assert.equal((await upload(archive, { name: 'dup', region: 'eu-west-1' })).statusCode, 201);
      const other = await t.newCaller();
      assert.equal((await upload(archive, { name: 'dup' }, other.key)).statusCode, 201);
      assertError(await upload(archive, { region: 'mars-1' }), 422, 'validation_failed');
      assertError(await t.request(key, { method: 'POST', url: '/v2/container_images?region=us-east-1', payload: archive, headers: { 'content-type': 'application/x-tar' } }), 400, 'invalid_request');
    });

    test('list filters by region, another account sees none of them, and delete removes the row and the files', async () => {
      const archive = await ociArchive({ layers: [BASE] });
      const made = (await upload(archive, { region: 'eu-west-1' })).json() as ImageBody;
      const inEu = (await t.request(key, { method: 'GET', url: '/v2/container_images?region=eu-west-1&limit=100' })).json().data as ImageBody[];
      assert.ok(inEu.every((i) => i.region === 'eu-west-1') && inEu.some((i) => i.id === made.id));
      const other = await t.newCaller();
      assertError(await t.request(other.key, { method: 'GET', url: `/v2/container_images/${made.id}` }), 404, 'not_found');
      assertError(await t.request(other.key, { method: 'DELETE', url: `/v2/container_images/${made.id}` }), 404, 'not_found');
      assert.ok(existsSync(path.join(imagesDir, made.id)));
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/container_images/${made.id}` })).statusCode, 204);
      assert.equal(existsSync(path.join(imagesDir, made.id)), false);
      assertError(await t.request(key, { method: 'GET', url: `/v2/container_images/${made.id}` }), 404, 'not_found');
    });
  });
}

describe('container image files', () => {
  test('an upload work area a crash left is swept once no upload can still be writing it; a fresh one stays', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cnx-images-'));
    try {
      const files = new ContainerImageFiles(root);
      const [abandoned, fresh] = [await files.incoming(), await files.incoming()];
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(abandoned.dir, hourAgo, hourAgo);
      await files.sweepAbandoned(60_000);
      assert.deepEqual([existsSync(abandoned.dir), existsSync(fresh.dir)], [false, true]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('container image size cap (sqlite)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite', { env: { CLOUDNEXUS_CONTAINER_IMAGE_MAX_MB: '1' } });
  });
  after(() => t.close());

  test('an archive over the cap is a 413 payload_too_large while it streams, and leaves nothing', async () => {
    const { key } = await t.newCaller();
    const archive = await ociArchive({ layers: [[{ name: 'big', content: Buffer.alloc(1024 * 1024 + 4096, 7) }]] });
    const response = await t.request(key, { method: 'POST', url: '/v2/container_images?name=big&region=us-east-1', payload: archive, headers: { 'content-type': 'application/x-tar' } });
    assertError(response, 413, 'payload_too_large');
    assert.deepEqual((await t.request(key, { method: 'GET', url: '/v2/container_images' })).json().data, []);
    const dir = path.join(t.testDb.dataDir, 'container-images');
    assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
  });
});
