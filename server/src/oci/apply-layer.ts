// Applies one image layer (a tar) onto a rootfs directory, as an OCI runtime's image unpacker
// does: entries in order, whiteouts (`.wh.<name>` removes a lower layer's file, `.wh..wh..opq`
// empties a directory of what lower layers put there), and nothing written outside the rootfs:
// names and link targets are checked before use, and no write goes through a symlink.
import { lchown, link, lstat, mkdir, readdir, rm, symlink, chmod } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { assertLinkInside, entryPath, hardLinkTarget } from './entry-paths.js';
import { ImageArchiveError } from './errors.js';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const asRoot = process.getuid?.() === 0;

export async function applyLayer(layer: Readable, rootfs: string, layerName: string): Promise<void> {
  const extract = tar.extract();
  // Its failure shows in the loop too; caught here so it is never left unhandled.
  const fed = pipeline(layer, extract).then(() => null, (error: unknown) => error as Error);
  // What this layer wrote: an opaque whiteout keeps those and removes the rest.
  const written = new Set<string>();
  try {
    for await (const entry of extract) {
      try {
        // tar-stream's entries are streamx streams, which Node's pipeline reads like its own.
        await applyEntry(rootfs, entry.header, entry as unknown as Readable, written);
      } finally {
        entry.resume();
      }
    }
  } catch (error) {
    layer.destroy();
    if (error instanceof ImageArchiveError) throw error;
    throw new ImageArchiveError('invalid_archive', `Layer ${layerName} could not be applied: ${(error as Error).message}`, layerName);
  }
  const failed = await fed;
  if (failed) throw new ImageArchiveError('invalid_archive', `Layer ${layerName} is not a readable tar: ${failed.message}`, layerName);
}

async function applyEntry(rootfs: string, header: tar.Header, body: Readable, written: Set<string>): Promise<void> {
  const rel = entryPath(header.name);
  if (rel === '') return;
  const base = path.posix.basename(rel);
  const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  if (base === OPAQUE) return emptyExceptWritten(rootfs, dir, written);
  if (base.startsWith(WHITEOUT)) {
    await assertNoSymlinkOnTheWay(rootfs, header.name, rel);
    return void (await rm(path.join(rootfs, dir, base.slice(WHITEOUT.length)), { recursive: true, force: true }));
  }
  const target = path.join(rootfs, rel);
  switch (header.type) {
    case 'character-device':
    case 'block-device':
      throw new ImageArchiveError('unsafe_entry', `Layer entry ${header.name} is a device node`, header.name);
    case 'directory': {
      await assertNoSymlinkOnTheWay(rootfs, header.name, rel);
      const existing = await lstat(target).catch(() => null);
      if (existing && !existing.isDirectory()) await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      await chmod(target, (header.mode ?? 0o755) & 0o7777);
      break;
    }
    case 'file':
    case 'contiguous-file':
      await replaceable(rootfs, header.name, rel);
      await pipeline(body, createWriteStream(target, { mode: (header.mode ?? 0o644) & 0o7777 }));
      // The umask trims the mode at creation; the layer's mode is what the file must have.
      await chmod(target, (header.mode ?? 0o644) & 0o7777);
      break;
    case 'symlink':
      assertLinkInside(header.name, rel, header.linkname ?? '');
      await replaceable(rootfs, header.name, rel);
      await symlink(header.linkname ?? '', target);
      break;
    case 'link': {
      const source = hardLinkTarget(header.name, header.linkname ?? '');
      await assertNoSymlinkOnTheWay(rootfs, header.name, source);
      await replaceable(rootfs, header.name, rel);
      await link(path.join(rootfs, source), target);
      break;
    }
    default:
      // FIFOs and other special entries carry nothing an image needs; pax headers never get here.
      return;
  }
  if (asRoot) await lchown(target, header.uid ?? 0, header.gid ?? 0);
  written.add(rel);
}

/** Clears the way for a new file, link or symlink at `rel`: its parents are real directories, and what was there goes. */
async function replaceable(rootfs: string, entry: string, rel: string): Promise<void> {
  await assertNoSymlinkOnTheWay(rootfs, entry, rel);
  await rm(path.join(rootfs, rel), { recursive: true, force: true });
}

/**
 * Every parent directory of `rel` is a real directory inside the rootfs (made if missing): a
 * symlink among them would let an entry write wherever the link points.
 */
async function assertNoSymlinkOnTheWay(rootfs: string, entry: string, rel: string): Promise<void> {
  const parts = rel.split('/').slice(0, -1);
  let current = rootfs;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(() => null);
    if (!stat) await mkdir(current, { mode: 0o755 });
    else if (stat.isSymbolicLink()) throw new ImageArchiveError('unsafe_entry', `Layer entry ${entry} is written through a symlink`, entry);
    else if (!stat.isDirectory()) throw new ImageArchiveError('invalid_archive', `Layer entry ${entry} is under a file, not a directory`, entry);
  }
}

async function emptyExceptWritten(rootfs: string, dir: string, written: Set<string>): Promise<void> {
  await assertNoSymlinkOnTheWay(rootfs, dir, `${dir}/x`);
  const full = path.join(rootfs, dir);
  for (const child of await readdir(full).catch(() => [])) {
    const rel = dir === '' ? child : `${dir}/${child}`;
    if (!written.has(rel)) await rm(path.join(full, child), { recursive: true, force: true });
  }
}
