// Builds container image archives in memory, the two ways real tools write them: an OCI image
// layout (as skopeo or buildah do) and a `docker save` tar. Tests shape the layers entry by entry,
// including the hostile ones (path escapes, device nodes) and wrong digests.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface LayerEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
}

export interface ImageSpec {
  layers: LayerEntry[][];
  config?: { Entrypoint?: string[]; Cmd?: string[]; Env?: string[]; ExposedPorts?: Record<string, object>; WorkingDir?: string };
  /** Gzip the layers (OCI layout only; docker save layers are plain tars). */
  gzip?: boolean;
  /** Flip a byte of layer `n` after its digest is taken. */
  corruptLayer?: number;
}

export async function tarOf(entries: LayerEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk) => chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const header = { name: entry.name, type, mode: entry.mode ?? (type === 'directory' ? 0o755 : 0o644), ...(entry.linkname !== undefined ? { linkname: entry.linkname } : {}) };
    await new Promise<void>((resolve, reject) => {
      const body = type === 'file' ? Buffer.from(entry.content ?? '') : undefined;
      pack.entry(body ? { ...header, size: body.length } : header, body ?? '', (error) => (error ? reject(error) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function imageConfig(spec: ImageSpec, diffIds: string[]): Buffer {
  return Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: spec.config ?? { Cmd: ['/bin/sh'] }, rootfs: { type: 'layers', diff_ids: diffIds } }));
}

function corrupt(layers: Buffer[], index: number | undefined): Buffer[] {
  if (index === undefined) return layers;
  return layers.map((layer, i) => {
    if (i !== index) return layer;
    const copy = Buffer.from(layer);
    copy[0] = (copy[0] as number) ^ 0xff;
    return copy;
  });
}

/** An OCI image layout as one tar: oci-layout, index.json and blobs/sha256/…. */
export async function ociArchive(spec: ImageSpec): Promise<Buffer> {
  const plain = await Promise.all(spec.layers.map(tarOf));
  const layers = spec.gzip ? plain.map((layer) => gzipSync(layer)) : plain;
  const config = imageConfig(spec, plain.map((layer) => `sha256:${sha256(layer)}`));
  const mediaType = spec.gzip ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar';
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${sha256(config)}`, size: config.length },
      layers: layers.map((layer) => ({ mediaType, digest: `sha256:${sha256(layer)}`, size: layer.length })),
    }),
  );
  const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${sha256(manifest)}`, size: manifest.length }] };
  const blobs = [manifest, config, ...layers].map((blob) => ({ name: `blobs/sha256/${sha256(blob)}`, blob }));
  const stored = corrupt(layers, spec.corruptLayer);
  return tarOf([
    { name: 'oci-layout', content: JSON.stringify({ imageLayoutVersion: '1.0.0' }) },
    { name: 'index.json', content: JSON.stringify(index) },
    { name: 'blobs/', type: 'directory' },
    { name: 'blobs/sha256/', type: 'directory' },
    ...blobs.map(({ name, blob }, i) => ({ name, content: i >= 2 ? (stored[i - 2] as Buffer) : blob })),
  ]);
}

/** A `docker save` archive: manifest.json, the config as <id>.json and each layer as <n>/layer.tar. */
export async function dockerSaveArchive(spec: ImageSpec): Promise<Buffer> {
  const layers = await Promise.all(spec.layers.map(tarOf));
  const config = imageConfig(spec, layers.map((layer) => `sha256:${sha256(layer)}`));
  const configName = `${sha256(config)}.json`;
  const layerNames = layers.map((_, i) => `layer${i}/layer.tar`);
  const manifest = [{ Config: configName, RepoTags: ['test:latest'], Layers: layerNames }];
  const stored = corrupt(layers, spec.corruptLayer);
  return tarOf([
    { name: 'manifest.json', content: JSON.stringify(manifest) },
    { name: configName, content: config },
    ...stored.map((layer, i) => ({ name: layerNames[i] as string, content: layer })),
  ]);
}
