// Root filesystem trees, one per image slug, prepared once under <data dir>/linux/images/<slug>,
// and custom images (copies of instances' trees) under <data dir>/linux/images/custom/<id>.
// An operator installs a real distribution by putting its tree there before first use, e.g.
//   debootstrap bookworm <data dir>/linux/images/debian-12 http://deb.debian.org/debian
// A slug without a tree gets the built-in minimal image: static busybox and its applets, which
// builds in well under a second and is enough to boot, network and run user_data, plus the host's
// dropbear as its SSH server when the host has one (ssh-server.ts).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DriverError } from '../compute-driver.js';
import { run } from './host-command.js';
import { installSshServer } from './ssh-server.js';

const BUSYBOX = '/bin/busybox';
const DIRECTORIES = ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'etc', 'proc', 'sys', 'dev', 'tmp', 'run', 'root', 'mnt', 'var/log', 'var/lib'];
/** The device nodes a minimal system needs; the instance never sees the host's /dev. */
const DEVICES: [string, number, number][] = [
  ['null', 1, 3],
  ['zero', 1, 5],
  ['full', 1, 7],
  ['random', 1, 8],
  ['urandom', 1, 9],
  ['tty', 5, 0],
];

export class ImageTrees {
  private readonly building = new Map<string, Promise<string>>();

  constructor(private readonly dir: string) {}

  /** The tree of `slug`, building the minimal image first when the operator provided none. */
  tree(slug: string): Promise<string> {
    if (slug.startsWith('img_')) return this.custom(slug);
    const target = path.join(this.dir, slug);
    if (existsSync(target)) return Promise.resolve(target);
    let pending = this.building.get(slug);
    if (!pending) {
      pending = buildMinimalImage(target).finally(() => this.building.delete(slug));
      this.building.set(slug, pending);
    }
    return pending;
  }

  /** Where custom image `id` lives, whether or not it has been taken yet. */
  private customPath(id: string): string {
    return path.join(this.dir, 'custom', id);
  }

  private async custom(id: string): Promise<string> {
    const target = this.customPath(id);
    if (!existsSync(target)) throw new DriverError(`custom image ${id} is not on this host`, false);
    return target;
  }

  /** Copies `root` into custom image `id` (aside, then renamed into place); its size in GB, rounded up. */
  async capture(id: string, root: string): Promise<number> {
    const target = this.customPath(id);
    if (!existsSync(target)) {
      const scratch = `${target}.building`;
      await fs.rm(scratch, { recursive: true, force: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      await copyTree(root, scratch);
      await fs.rename(scratch, target);
    }
    const bytes = Number((await run('du', ['-sb', target], { timeoutMs: 600_000 })).split(/\s/)[0]);
    return Math.max(1, Math.ceil(bytes / 1024 ** 3));
  }

  /** Removes custom image `id` and whatever a failed capture left. */
  async remove(id: string): Promise<void> {
    const target = this.customPath(id);
    await fs.rm(`${target}.building`, { recursive: true, force: true });
    await fs.rm(target, { recursive: true, force: true });
  }
}

/** Builds into a scratch directory and renames it into place, so a crash never leaves half a tree. */
async function buildMinimalImage(target: string): Promise<string> {
  if (!existsSync(BUSYBOX)) throw new DriverError(`${BUSYBOX} is missing: install busybox-static`, false);
  const scratch = `${target}.building-${process.pid}`;
  await fs.rm(scratch, { recursive: true, force: true });
  for (const dir of DIRECTORIES) await fs.mkdir(path.join(scratch, dir), { recursive: true });
  await fs.chmod(path.join(scratch, 'tmp'), 0o1777);
  await fs.copyFile(BUSYBOX, path.join(scratch, 'bin/busybox'));
  await fs.chmod(path.join(scratch, 'bin/busybox'), 0o755);
  const applets = (await run(BUSYBOX, ['--list-full'])).split('\n').filter(Boolean);
  for (const applet of applets) {
    const link = path.join(scratch, applet);
    // Relative links, so the tree is sound wherever it is looked at from.
    if (!existsSync(link)) await fs.symlink(path.relative(path.dirname(link), path.join(scratch, 'bin/busybox')), link);
  }
  for (const [name, major, minor] of DEVICES) await run('mknod', ['-m', '666', path.join(scratch, 'dev', name), 'c', String(major), String(minor)]);
  await fs.writeFile(path.join(scratch, 'etc/os-release'), 'NAME="CloudNexus minimal (busybox)"\nID=cloudnexus-minimal\n');
  await fs.writeFile(path.join(scratch, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  await fs.writeFile(path.join(scratch, 'etc/group'), 'root:x:0:\n');
  await fs.writeFile(path.join(scratch, 'etc/shells'), '/bin/sh\n');
  await installSshServer(scratch);
  await fs.rename(scratch, target);
  return target;
}

/** Copies an image tree to be an instance's own disk (reflinks where the filesystem can). */
export async function copyTree(source: string, target: string): Promise<void> {
  await run('cp', ['-a', '--reflink=auto', source, target], { timeoutMs: 600_000 });
}
