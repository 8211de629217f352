// The path rules a layer entry must keep before anything is written: every name and link target
// stays inside the rootfs. They are lexical (no file system access), so they are checked first.
import path from 'node:path';
import { ImageArchiveError } from './errors.js';

/**
 * The entry's path relative to the rootfs, normalized (`./a//b/` → `a/b`). An absolute name or one
 * with a `..` component is refused: a layer names paths from its root, and never climbs out.
 */
export function entryPath(name: string): string {
  if (name.startsWith('/')) throw new ImageArchiveError('unsafe_entry', `Layer entry ${name} has an absolute path`, name);
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw new ImageArchiveError('unsafe_entry', `Layer entry ${name} climbs out of the rootfs with ..`, name);
  return parts.join('/');
}

/**
 * Refuses a symlink whose target, read as the container will read it (an absolute target from the
 * rootfs, a relative one from the link's directory), would climb above the rootfs: such a link
 * exists only to reach the host's files.
 */
export function assertLinkInside(entry: string, linkPath: string, target: string): void {
  const base = target.startsWith('/') ? [] : path.posix.dirname(linkPath).split('/').filter((p) => p !== '' && p !== '.');
  let depth = base.length;
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    depth += part === '..' ? -1 : 1;
    if (depth < 0) throw new ImageArchiveError('unsafe_entry', `Layer entry ${entry} links to ${target}, outside the rootfs`, entry);
  }
}

/** A hard link names another path of the rootfs: the same rules as an entry's own name. */
export function hardLinkTarget(entry: string, target: string): string {
  if (target.startsWith('/') || target.split('/').includes('..')) {
    throw new ImageArchiveError('unsafe_entry', `Layer entry ${entry} hard-links to ${target}, outside the rootfs`, entry);
  }
  return entryPath(target);
}
