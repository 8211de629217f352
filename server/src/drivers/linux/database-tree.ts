// The root tree a database server runs in: the host's /usr (and /lib… where they are directories)
// bind-mounted read-only at boot, a few device nodes, its own /etc/passwd, and a private data
// directory. Nothing else of the host is visible inside.
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The server's user inside the tree. PostgreSQL refuses to run as root; a uid no host account has
 * means the server owns nothing on the host but its own files.
 */
export const SERVER_UID = 70_000;
export const SOCKET_DIR = '/run/postgresql';
export const DATA_DIR = '/data';
/** Where backups are written inside the tree before the driver moves them out. */
export const DUMPS_DIR = '/dumps';
/** Where a backup to restore from is put inside the tree. */
export const RESTORE_FILE = '/restore.dump';
export const HBA_FILE = '/etc/cnx/pg_hba.conf';

const TOP_LEVEL = ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32'];
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom'];

/**
 * Boots the server: mounts the host's binaries read-only (and nosuid: no set-uid program of the
 * host gains anything inside) and the device nodes into the tree (in the
 * environment's private mount namespace, so nothing shows on the host), runs initdb the first time
 * (into a scratch directory renamed into place, so an interrupted initdb starts over), then becomes
 * the server as its own user. Arguments: the tree, PostgreSQL's bin directory, the directories to
 * bind, `--`, then the server's options. No user input is part of this script.
 */
export const BOOT_SERVER = `set -e
root=$1; bin=$2; shift 2
while [ "$1" != -- ]; do mount -o bind,ro,nosuid,nodev "/$1" "$root/$1"; shift; done; shift
for dev in ${DEVICES.join(' ')}; do mount --bind "/dev/$dev" "$root/dev/$dev"; done
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
if [ ! -d "$root${DATA_DIR}" ]; then
  rm -rf "$root${DATA_DIR}.new"; mkdir -m 700 "$root${DATA_DIR}.new"; chown ${SERVER_UID}:${SERVER_UID} "$root${DATA_DIR}.new"
  chroot --userspec=${SERVER_UID}:${SERVER_UID} "$root" "$bin/initdb" -D ${DATA_DIR}.new -U postgres --auth-local=peer --auth-host=reject --locale=C -E UTF8 --no-instructions
  mv "$root${DATA_DIR}.new" "$root${DATA_DIR}"
fi
exec chroot --userspec=${SERVER_UID}:${SERVER_UID} "$root" "$bin/postgres" -D ${DATA_DIR} "$@"`;

/**
 * Only the network's own addresses may log in, with SCRAM; the superuser only through the local
 * socket as the server's own user (the driver's administration path).
 */
export function hbaConf(ipRange: string): string {
  return ['local all postgres peer', 'host all postgres 0.0.0.0/0 reject', `host all all ${ipRange} scram-sha-256`, ''].join('\n');
}

/**
 * Makes the tree (idempotent) and returns the top-level directories to bind-mount at boot. Where the
 * host has merged /usr (`/bin -> usr/bin`), the tree gets the same symlinks instead.
 */
export async function prepareDatabaseTree(root: string, ipRange: string): Promise<string[]> {
  const binds = ['usr'];
  for (const dir of ['usr', 'etc/cnx', 'dev/shm', 'tmp', 'run']) await fs.mkdir(path.join(root, dir), { recursive: true, mode: 0o755 });
  await fs.chmod(path.join(root, 'tmp'), 0o1777);
  for (const dir of [SOCKET_DIR, DUMPS_DIR]) {
    await fs.mkdir(path.join(root, dir), { recursive: true, mode: 0o700 });
    await fs.chown(path.join(root, dir), SERVER_UID, SERVER_UID);
  }
  for (const name of TOP_LEVEL) {
    const host = `/${name}`;
    const target = path.join(root, name);
    const stat = await fs.lstat(host).catch(() => null);
    // lstat: the link points into /usr, which is only mounted inside the running environment.
    if (!stat || (await fs.lstat(target).catch(() => null))) continue;
    if (stat.isSymbolicLink()) await fs.symlink(await fs.readlink(host), target);
    else if (stat.isDirectory()) {
      await fs.mkdir(target);
      binds.push(name);
    }
  }
  for (const dev of DEVICES) await fs.writeFile(path.join(root, 'dev', dev), '', { flag: 'a' });
  await fs.writeFile(path.join(root, 'etc/passwd'), `root:x:0:0::/:/usr/sbin/nologin\npostgres:x:${SERVER_UID}:${SERVER_UID}::${DATA_DIR}:/usr/sbin/nologin\n`);
  await fs.writeFile(path.join(root, 'etc/group'), `root:x:0:\npostgres:x:${SERVER_UID}:\n`);
  await fs.writeFile(path.join(root, HBA_FILE), hbaConf(ipRange));
  return binds;
}
