// Where container images live on disk: `<data dir>/container-images/<id>/rootfs`. An upload works
// in a directory of its own beside them, which goes whatever happens; only a whole, checked image
// is moved into place.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const INCOMING = '.incoming-';

export interface Incoming {
  dir: string;
  archive: string;
  unpacked: string;
}

export class ContainerImageFiles {
  constructor(private readonly root: string) {}

  rootfsOf(id: string): string {
    return path.join(this.root, id, 'rootfs');
  }

  async incoming(): Promise<Incoming> {
    const dir = path.join(this.root, `${INCOMING}${randomBytes(8).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    return { dir, archive: path.join(dir, 'upload.tar'), unpacked: path.join(dir, 'image') };
  }

  /** Moves an unpacked upload into place as image `id`. */
  async keep(incoming: Incoming, id: string): Promise<void> {
    await rename(incoming.unpacked, path.join(this.root, id));
  }

  async discard(incoming: Incoming): Promise<void> {
    await rm(incoming.dir, { recursive: true, force: true });
  }

  /**
   * Removes upload work areas untouched for `olderThanMs` (by the file system's clock): no upload
   * can still be writing one, so a crash of the server mid-upload left it.
   */
  async sweepAbandoned(olderThanMs: number): Promise<void> {
    for (const name of await readdir(this.root).catch(() => [])) {
      if (!name.startsWith(INCOMING)) continue;
      const stat = await lstat(path.join(this.root, name)).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) await rm(path.join(this.root, name), { recursive: true, force: true });
    }
  }

  async remove(id: string): Promise<void> {
    await rm(path.join(this.root, id), { recursive: true, force: true });
  }
}
