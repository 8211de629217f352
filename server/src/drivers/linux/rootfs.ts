// What an instance's own disk holds besides its image: hostname, SSH keys, user_data and the init
// that boots it. Written only while the tree is fresh (before first boot), and never through a
// symlink, so nothing inside a tree can redirect a write to the host.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FirstBootSettings {
  hostname: string;
  sshPublicKeys: string[];
  /** Base64, as the API received it. */
  userData: string | null;
}

/** Where init leaves the id of the current boot (on a tmpfs, so each boot has a new one). */
export const BOOT_ID_FILE = '/run/cnx-boot-id';
export const INIT_PATH = '/sbin/cnx-init';

// PID 1 of the instance. With SSH keys set, the image's SSH server starts (dropbear, or OpenSSH in
// an operator's Debian tree), keys only, its host key made on first boot and kept on the disk.
// user_data runs once per instance, in the background like cloud-init's final stage, with its
// output on the console; SIGTERM is a clean shutdown.
const INIT = `#!/bin/sh
mount -t proc proc /proc
mount -t tmpfs -o mode=755 tmpfs /run
hostname "$(cat /etc/hostname)"
cat /proc/sys/kernel/random/uuid > ${BOOT_ID_FILE}
echo "cnx-init: booted $(hostname), boot id $(cat ${BOOT_ID_FILE})"
# Terminals of their own, for interactive SSH sessions.
mkdir -p /dev/pts && mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts && ln -sf pts/ptmx /dev/ptmx
if [ -s /root/.ssh/authorized_keys ]; then
  if [ -x /usr/sbin/dropbear ]; then
    key=/etc/dropbear/dropbear_ed25519_host_key
    mkdir -p /etc/dropbear
    [ -s $key ] || dropbearkey -t ed25519 -f $key >/dev/null
    /usr/sbin/dropbear -r $key -s -E -P /run/dropbear.pid && echo "cnx-init: ssh server (dropbear) started"
  elif [ -x /usr/sbin/sshd ]; then
    mkdir -p /run/sshd
    ssh-keygen -A >/dev/null
    /usr/sbin/sshd -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no -o PermitRootLogin=prohibit-password && echo "cnx-init: ssh server (openssh) started"
  else
    echo "cnx-init: no ssh server in this image"
  fi
fi
if [ -f /var/lib/cnx/user-data ] && [ ! -f /var/lib/cnx/user-data.done ]; then
  touch /var/lib/cnx/user-data.done
  (
    echo "cnx-init: running user_data"
    case "$(head -c 2 /var/lib/cnx/user-data)" in
      '#!') /var/lib/cnx/user-data ;;
      *) sh /var/lib/cnx/user-data ;;
    esac
    echo "cnx-init: user_data exited with status $?"
  ) 2>&1 | tee /var/log/user-data.log &
fi
trap 'echo "cnx-init: shutting down"; kill -TERM -1 2>/dev/null; exit 0' TERM
while :; do sleep 3600 & wait $!; done
`;

async function writeFresh(file: string, content: string | Buffer, mode: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.rm(file, { force: true });
  // 'wx' is O_CREAT|O_EXCL: it fails rather than follow a symlink planted at this path.
  await fs.writeFile(file, content, { flag: 'wx', mode });
}

/** True when every component of `relative` under `root` is a directory, none a symlink out of the tree. */
async function isRealDirectory(root: string, relative: string): Promise<boolean> {
  let at = root;
  for (const part of relative.split('/')) {
    at = path.join(at, part);
    const stat = await fs.lstat(at).catch(() => null);
    if (!stat?.isDirectory()) return false;
  }
  return true;
}

export async function writeFirstBoot(root: string, settings: FirstBootSettings): Promise<void> {
  await writeFresh(path.join(root, INIT_PATH), INIT, 0o755);
  await writeFresh(path.join(root, 'etc/hostname'), `${settings.hostname}\n`, 0o644);
  await writeFresh(path.join(root, 'etc/hosts'), `127.0.0.1 localhost\n127.0.1.1 ${settings.hostname}\n`, 0o644);
  await fs.mkdir(path.join(root, 'root/.ssh'), { recursive: true, mode: 0o700 });
  await writeFresh(path.join(root, 'root/.ssh/authorized_keys'), settings.sshPublicKeys.map((k) => `${k}\n`).join(''), 0o600);
  // A tree from a custom image carries its source's host keys: this instance makes its own.
  for (const dir of ['etc/dropbear', 'etc/ssh']) {
    if (!(await isRealDirectory(root, dir))) continue;
    const keys = path.join(root, dir);
    for (const file of await fs.readdir(keys)) if (file.includes('host_') && file.includes('key')) await fs.rm(path.join(keys, file), { force: true });
  }
  // A tree from a custom image carries its source's user_data and the mark that it ran: this
  // instance runs its own user_data, once.
  await fs.rm(path.join(root, 'var/lib/cnx/user-data.done'), { force: true });
  await fs.rm(path.join(root, 'var/lib/cnx/user-data'), { force: true });
  if (settings.userData) await writeFresh(path.join(root, 'var/lib/cnx/user-data'), Buffer.from(settings.userData, 'base64'), 0o755);
}
