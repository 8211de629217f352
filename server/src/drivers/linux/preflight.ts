// The linux driver changes the host, so it checks up front that it can: Linux, root, and the tools.
import { execFileSync } from 'node:child_process';
import { ConfigError } from '../../config.js';
import { hasSshServer } from './ssh-server.js';

const TOOLS = ['ip', 'nft', 'unshare', 'nsenter', 'mkfs.ext4', 'losetup', 'mount', 'umount', 'fsfreeze', 'sysctl', 'cp', 'mknod'];

export function assertLinuxHost(): void {
  if (process.platform !== 'linux') throw new ConfigError(`CLOUDNEXUS_DRIVER=linux runs only on Linux (this is ${process.platform}); use the sim driver here`);
  if (process.getuid?.() !== 0) throw new ConfigError('CLOUDNEXUS_DRIVER=linux must run as root: it creates namespaces, bridges, cgroups and loop devices');
  const missing = TOOLS.filter((tool) => {
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new ConfigError(`CLOUDNEXUS_DRIVER=linux needs ${missing.join(', ')} on PATH (apt-get install iproute2 nftables util-linux e2fsprogs procps busybox-static)`);
  }
}

/** What the host lacks that only limits what instances get; said at start, never fatal. */
export function optionalToolsWarning(): string | null {
  return hasSshServer() ? null : 'dropbear is missing on this host: instances of the built-in image boot without an SSH server (apt-get install dropbear-bin)';
}
