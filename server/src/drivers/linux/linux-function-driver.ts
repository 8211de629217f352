// The linux driver's functions: the sim driver's runner (warm workers, bootstrap shims), each
// worker isolated in new PID, mount and network namespaces (loopback only) and a cgroup of its own
// whose memory limit is the function's memory_mb. A worker's cgroup goes when it does; one left by
// a crash of the server is a leftover reconcile removes at the next start.
import { randomBytes } from 'node:crypto';
import type { FunctionDriver } from '../function-driver.js';
import { probeRuntimes } from '../functions/runtimes.js';
import { WarmPool } from '../functions/warm-pool.js';
import { JOIN_CGROUP_THEN_EXEC } from './environments.js';
import type { LinuxHost } from './linux-host.js';
import { cgroupName } from './names.js';

const MIB = 1024 * 1024;

export function linuxFunctionDriver(host: LinuxHost): FunctionDriver {
  const { cgroups } = host;
  return new WarmPool(probeRuntimes(), async (spec, command) => {
    // VPC attachment needs an address in the network and a veth on its bridge, as instances get.
    if (spec.networkId !== null) throw new Error('The linux driver does not attach functions to a VPC network yet; deploy without network_id');
    const cgroup = cgroupName(`fnw-${spec.functionId}-${randomBytes(4).toString('hex')}`);
    await cgroups.create(cgroup);
    await cgroups.limit(cgroup, { cpus: 1, memoryBytes: spec.memoryMb * MIB });
    // `--kill-child`: the worker dies with the unshare process the pool kills; `lo up` gives it loopback; the shells' PWD is not the function's.
    const isolated = ['unshare', '--pid', '--fork', '--kill-child', '--mount', '--net', '--', 'sh', '-c', 'ip link set lo up 2>/dev/null; unset PWD; exec "$@"', 'sh', ...command];
    return { file: '/bin/sh', args: ['-c', JOIN_CGROUP_THEN_EXEC, 'sh', ...cgroups.procsFiles(cgroup), '--', ...isolated], cleanup: () => cgroups.remove(cgroup) };
  });
}
