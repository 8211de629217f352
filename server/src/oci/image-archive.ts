// Reads an uploaded image archive, an OCI image layout or a `docker save` tar, into a rootfs and
// the image's run configuration. Every blob used is checked against its sha256 digest before it
// is read, and the layers are applied in order (apply-layer.ts keeps them inside the rootfs).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { applyLayer } from './apply-layer.js';
import { ImageArchiveError } from './errors.js';
import { openTar } from './tar-input.js';

/** What the container runs unless told otherwise: the image config's Entrypoint, Cmd, Env, ExposedPorts, WorkingDir and User. */
export interface ImageRunConfig {
  entrypoint: string[];
  cmd: string[];
  env: string[];
  exposed_ports: string[];
  working_dir: string;
  user: string;
}

export interface UnpackedImage {
  /** `sha256:…` of the image's config, the image id Docker shows. */
  digest: string;
  config: ImageRunConfig;
  layers: number;
}

interface Member {
  file: string;
  sha256: string;
}

const INDEX_MEDIA_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

/** Unpacks `archive` into `dir`/rootfs (`dir` is made, and holds the archive's members meanwhile). */
export async function unpackImageArchive(archive: string, dir: string): Promise<UnpackedImage> {
  const membersDir = path.join(dir, 'members');
  const rootfs = path.join(dir, 'rootfs');
  await mkdir(membersDir, { recursive: true });
  await mkdir(rootfs, { mode: 0o755 });
  try {
    const members = await readMembers(archive, membersDir);
    const { config, layers } = members.has('index.json') ? await fromOciLayout(members) : await fromDockerSave(members);
    for (const layer of layers) await applyLayer(await openTar(layer.file, layer.name), rootfs, layer.name);
    return { digest: `sha256:${config.sha256}`, config: runConfig(await json(config, 'image config')), layers: layers.length };
  } finally {
    await rm(membersDir, { recursive: true, force: true });
  }
}

/** The archive's regular files, each copied out with its sha256 taken on the way. */
async function readMembers(archive: string, into: string): Promise<Map<string, Member>> {
  const members = new Map<string, Member>();
  const extract = tar.extract();
  // Its failure shows in the loop too; caught here so it is never left unhandled.
  const fed = pipeline(await openTar(archive, 'the archive'), extract).then(() => null, (error: unknown) => error);
  try {
    for await (const entry of extract) {
      const name = entry.header.name.split('/').filter((p) => p !== '' && p !== '.').join('/');
      if (entry.header.type !== 'file' && entry.header.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      const file = path.join(into, String(members.size));
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(entry as unknown as Readable, hashing, createWriteStream(file));
      members.set(name, { file, sha256: hash.digest('hex') });
    }
    const failed = await fed;
    if (failed) throw failed;
  } catch (error) {
    if (error instanceof ImageArchiveError) throw error;
    throw new ImageArchiveError('invalid_archive', `The upload is not a readable tar archive: ${(error as Error).message}`);
  }
  return members;
}

interface Parts {
  config: Member & { name: string };
  layers: (Member & { name: string })[];
}

/** An OCI image layout: index.json → (an index →) a manifest → config and layers, all blobs by digest. */
async function fromOciLayout(members: Map<string, Member>): Promise<Parts> {
  const blob = (digest: unknown, what: string) => {
    const match = typeof digest === 'string' ? /^sha256:([0-9a-f]{64})$/.exec(digest) : null;
    if (!match) throw new ImageArchiveError('invalid_archive', `The ${what} has no sha256 digest`);
    const name = `blobs/sha256/${match[1]}`;
    const member = members.get(name);
    if (!member) throw new ImageArchiveError('invalid_archive', `The archive has no ${name} (the ${what})`, name);
    if (member.sha256 !== match[1]) throw new ImageArchiveError('digest_mismatch', `${name} (the ${what}) does not match its digest: its sha256 is ${member.sha256}`, name);
    return { ...member, name };
  };
  let descriptor = firstManifest(await json({ ...(members.get('index.json') as Member), name: 'index.json' }, 'index.json'), 'index.json');
  let manifest = await json(blob(descriptor.digest, 'manifest'), 'manifest');
  // A multi-platform image: its index lists one manifest per platform; take linux/amd64 (or the first).
  if (INDEX_MEDIA_TYPES.includes(String(descriptor.mediaType)) || Array.isArray(manifest.manifests)) {
    descriptor = firstManifest(manifest, 'image index');
    manifest = await json(blob(descriptor.digest, 'manifest'), 'manifest');
  }
  const config = blob((manifest.config as { digest?: unknown } | undefined)?.digest, 'image config');
  if (!Array.isArray(manifest.layers)) throw new ImageArchiveError('invalid_archive', 'The manifest lists no layers');
  return { config, layers: (manifest.layers as { digest?: unknown }[]).map((layer, i) => blob(layer.digest, `layer ${i + 1}`)) };
}

/** A `docker save` archive: manifest.json names the config and the layer tars, whose sha256 are the config's diff_ids. */
async function fromDockerSave(members: Map<string, Member>): Promise<Parts> {
  const top = members.get('manifest.json');
  if (!top) throw new ImageArchiveError('invalid_archive', 'The archive is neither an OCI image layout (index.json) nor a docker save archive (manifest.json)');
  const list = await parsed({ ...top, name: 'manifest.json' });
  const entry = Array.isArray(list) ? (list[0] as { Config?: unknown; Layers?: unknown } | undefined) : undefined;
  if (!entry || typeof entry.Config !== 'string' || !Array.isArray(entry.Layers)) throw new ImageArchiveError('invalid_archive', 'manifest.json names no Config and Layers', 'manifest.json');
  const member = (name: string) => {
    const found = members.get(name);
    if (!found) throw new ImageArchiveError('invalid_archive', `The archive has no ${name}, which manifest.json names`, name);
    return { ...found, name };
  };
  const config = member(entry.Config);
  const diffIds = ((await json(config, 'image config')).rootfs as { diff_ids?: unknown } | undefined)?.diff_ids;
  const layers = (entry.Layers as unknown[]).map((name) => member(String(name)));
  if (!Array.isArray(diffIds) || diffIds.length !== layers.length) throw new ImageArchiveError('invalid_archive', 'The image config lists no diff_id for every layer', entry.Config);
  layers.forEach((layer, i) => {
    if (diffIds[i] !== `sha256:${layer.sha256}`) throw new ImageArchiveError('digest_mismatch', `${layer.name} does not match its digest ${String(diffIds[i])}: its sha256 is ${layer.sha256}`, layer.name);
  });
  return { config, layers };
}

function firstManifest(index: Record<string, unknown>, what: string): Record<string, unknown> {
  const manifests = Array.isArray(index.manifests) ? (index.manifests as Record<string, unknown>[]) : [];
  const linux = manifests.find((m) => {
    const platform = m.platform as { os?: string; architecture?: string } | undefined;
    return platform?.os === 'linux' && platform.architecture === 'amd64';
  });
  const chosen = linux ?? manifests[0];
  if (!chosen) throw new ImageArchiveError('invalid_archive', `The ${what} lists no manifest`, what);
  return chosen;
}

/** A member's JSON; one that does not parse is refused, named. */
async function parsed(member: Member & { name: string }): Promise<unknown> {
  try {
    return JSON.parse(await readFile(member.file, 'utf8')) as unknown;
  } catch {
    throw new ImageArchiveError('invalid_archive', `${member.name} is not JSON`, member.name);
  }
}

async function json(member: Member & { name: string }, what: string): Promise<Record<string, unknown>> {
  const value = await parsed(member);
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new ImageArchiveError('invalid_archive', `The ${what} (${member.name}) is not a JSON object`, member.name);
}

function runConfig(image: Record<string, unknown>): ImageRunConfig {
  const config = (image.config ?? {}) as Record<string, unknown>;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    entrypoint: strings(config.Entrypoint),
    cmd: strings(config.Cmd),
    env: strings(config.Env),
    exposed_ports: Object.keys((config.ExposedPorts ?? {}) as object),
    working_dir: typeof config.WorkingDir === 'string' ? config.WorkingDir : '',
    user: typeof config.User === 'string' ? config.User : '',
  };
}
