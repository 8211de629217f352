// Opening a tar that may be gzip-compressed (an OCI layer usually is; a docker save archive's
// layers are not): the first two bytes tell.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImageArchiveError } from './errors.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export async function openTar(file: string, name: string): Promise<Readable> {
  const head = Buffer.alloc(4);
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const starts = (magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (starts(ZSTD_MAGIC)) throw new ImageArchiveError('invalid_archive', `${name} is zstd-compressed, which is not supported; use gzip or no compression`, name);
  const raw = createReadStream(file);
  return starts(GZIP_MAGIC) ? raw.pipe(createGunzip()) : raw;
}
