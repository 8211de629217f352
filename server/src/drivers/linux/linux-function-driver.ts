// The linux driver's functions: the sim driver's runner (warm workers, bootstrap shims), each
// worker isolated in new PID and mount namespaces and a cgroup of its own whose memory limit is
// the function's memory_mb. Without a network a worker gets a network namespace of its own
// (loopback only); with one, all the function's workers share one namespace plugged into that VPC
// network's bridge with the function's address, as containers are (joinNetwork), so they reach the
// VPC and nothing outside it. A worker's cgroup goes when it does, the namespace when the function
// is deleted; a killed server's workers die with it but both stay, so reconcile removes them at start.
import { randomBytes } from 'node:crypto';
import type { FunctionDriver, FunctionSpec } from '../function-driver.js';
import { probeRuntimes } from '../functions/runtimes.js';
import { WarmPool } from '../functions/warm-pool.js';
import type { Launch } from '../functions/worker.js';
import { JOIN_CGROUP_THEN_EXEC } from './environments.js';
import type { LinuxHost } from './linux-host.js';
import { cgroupName, environmentNamespace } from './names.js';
import { joinNetwork, namespacePath, removeNamespace } from './namespaces.js';

const MIB = 1024 * 1024;

type FunctionNetwork = NonNullable<FunctionSpec['network']>;

/** The namespaces of functions in a VPC network: one per function, made at its first worker. */
class FunctionNamespaces {
  private readonly joined = new Map<string, { network: FunctionNetwork; ready: Promise<void> }>();

  constructor(private readonly host: LinuxHost) {
    host.usesVpcs(() => Promise.resolve([...this.joined.values()].map((j) => j.network.vpcId)));
  }

  /** The function's namespace on `network`; a redeploy onto another network gets a new one. Concurrent cold starts share one join. */
  async join(functionId: string, network: FunctionNetwork): Promise<string> {
    const ns = environmentNamespace(functionId);
    const current = this.joined.get(functionId);
    if (current && current.network.id === network.id && current.network.ipv4 === network.ipv4) {
      await current.ready;
      return ns;
    }
    const ready = (async () => {
      await current?.ready.catch(() => undefined);
      if (current) await removeNamespace(ns);
      await joinNetwork(functionId, network, network.ipv4);
    })();
    this.joined.set(functionId, { network, ready });
    try {
      await ready;
    } catch (error) {
      if (this.joined.get(functionId)?.ready === ready) this.joined.delete(functionId);
      throw error;
    }
    return ns;
  }

  async leave(functionId: string): Promise<void> {
    const current = this.joined.get(functionId);
    if (!current) return;
    this.joined.delete(functionId);
    await current.ready.catch(() => undefined);
    await removeNamespace(environmentNamespace(functionId));
    await this.host.removeUnusedVpcs();
  }
}

/** The pool, with a launcher that isolates each worker; a deleted function's namespace goes with its workers. */
class LinuxFunctionDriver extends WarmPool {
  constructor(
    host: LinuxHost,
    private readonly namespaces: FunctionNamespaces,
  ) {
    super(probeRuntimes(), (spec, command) => launch(host, namespaces, spec, command));
  }

  override async retire(functionId: string, keepVersion?: number): Promise<void> {
    await super.retire(functionId, keepVersion);
    if (keepVersion === undefined) await this.namespaces.leave(functionId);
  }
}

export const linuxFunctionDriver = (host: LinuxHost): FunctionDriver => new LinuxFunctionDriver(host, new FunctionNamespaces(host));

async function launch(host: LinuxHost, namespaces: FunctionNamespaces, spec: FunctionSpec, command: string[]): Promise<Launch> {
  const { cgroups } = host;
  // `nsenter` puts a worker in its function's VPC namespace; without a network `--net` gives it one of its own
  // (and a namespace left by a redeploy off its network goes).
  if (!spec.network) await namespaces.leave(spec.functionId);
  const network = spec.network ? ['nsenter', `--net=${namespacePath(await namespaces.join(spec.functionId, spec.network))}`, '--'] : [];
  const cgroup = cgroupName(`fnw-${spec.functionId}-${randomBytes(4).toString('hex')}`);
  await cgroups.create(cgroup);
  await cgroups.limit(cgroup, { cpus: 1, memoryBytes: spec.memoryMb * MIB });
  // `--kill-child`: the worker dies with the unshare process the pool kills; `lo up` gives it loopback; the shells' PWD is not the function's.
  const isolated = [...network, 'unshare', '--pid', '--fork', '--kill-child', '--mount', ...(spec.network ? [] : ['--net']), '--', 'sh', '-c', 'ip link set lo up 2>/dev/null; unset PWD; exec "$@"', 'sh', ...command];
  return { file: '/bin/sh', args: ['-c', JOIN_CGROUP_THEN_EXEC, 'sh', ...cgroups.procsFiles(cgroup), '--', ...isolated], cleanup: () => cgroups.remove(cgroup) };
}
