// The OCI runtime spec (config.json) of a container's bundle: its process from the image and the
// container's settings, its own pid/ipc/uts/mount namespaces, the network namespace the driver
// plugged into the VPC, and its limits in a cgroup named like ours (cgroupfs paths, v1 or v2
// alike), where the metrics sampler finds it as it finds an instance's.
import type { ContainerSpec } from '../container-driver.js';
import { cgroupName } from './names.js';

const CFS_PERIOD_US = 100_000;
const MIB = 1024 * 1024;

// Docker's default capability set: enough for ordinary services, nothing that reaches the host.
const CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'].map((c) => `CAP_${c}`);

const MASKED = ['/proc/acpi', '/proc/asound', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/sys/firmware', '/proc/scsi'];
const READ_ONLY = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** `uid[:gid]` as numbers; a user name (no /etc/passwd lookup here) runs as root. */
export function numericUser(user: string): { uid: number; gid: number } {
  const [uid, gid] = user.split(':').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return { uid: uid ?? 0, gid: gid ?? uid ?? 0 };
}

export function bundleConfig(spec: ContainerSpec, netnsPath: string): Record<string, unknown> {
  return {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: numericUser(spec.user),
      args: spec.argv,
      env: spec.env,
      cwd: spec.workingDir,
      capabilities: { bounding: CAPABILITIES, effective: CAPABILITIES, permitted: CAPABILITIES },
      noNewPrivileges: true,
    },
    root: { path: 'rootfs', readonly: false },
    hostname: spec.name,
    mounts: [
      { destination: '/proc', type: 'proc', source: 'proc' },
      { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
      { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'] },
      { destination: '/dev/shm', type: 'tmpfs', source: 'shm', options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'] },
      { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', options: ['nosuid', 'noexec', 'nodev'] },
      { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
    ],
    linux: {
      namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }, { type: 'network', path: netnsPath }],
      cgroupsPath: `/${cgroupName(spec.containerId)}`,
      resources: {
        memory: { limit: spec.memoryMb * MIB },
        cpu: { quota: Math.round(spec.cpu * CFS_PERIOD_US), period: CFS_PERIOD_US },
      },
      maskedPaths: MASKED,
      readonlyPaths: READ_ONLY,
    },
  };
}
