// Per-environment cgroups on either cgroup layout: v2 (one unified tree) or v1 (a tree per
// controller, as on hybrid hosts). A cgroup is also how the driver finds and kills every process
// it started, even after a crash of the server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DriverError } from '../compute-driver.js';
import { HOST_PREFIX } from './names.js';

const ROOT = '/sys/fs/cgroup';
const CFS_PERIOD_US = 100_000;

export interface CgroupLimits {
  cpus: number;
  memoryBytes: number;
}

export interface CgroupUsage {
  /** CPU time used since the cgroup was made, in microseconds. */
  cpuUsec: number;
  memoryBytes: number;
  /** Processes the kernel killed for going over the memory limit. */
  oomKills: number;
}

interface Layout {
  /** Directories of the cgroup, one per hierarchy it lives in. */
  dirs(name: string): string[];
  /** Where the cgroup's processes are listed. */
  procsDir(name: string): string;
  /** The hierarchy roots where our cgroups are listed. */
  listRoot: string;
  limit(name: string, limits: CgroupLimits): Promise<void>;
  usage(name: string): Promise<CgroupUsage>;
}

const readNumber = async (file: string) => Number((await fs.readFile(file, 'utf8')).trim());
const keyed = async (file: string, key: string) => {
  const line = (await fs.readFile(file, 'utf8')).split('\n').find((l) => l.startsWith(`${key} `));
  return line ? Number(line.split(' ')[1]) : 0;
};
async function writeIfPresent(file: string, value: string): Promise<void> {
  if (existsSync(file)) await fs.writeFile(file, value);
}

const v2: Layout = {
  dirs: (name) => [path.join(ROOT, name)],
  procsDir: (name) => path.join(ROOT, name),
  listRoot: ROOT,
  async limit(name, { cpus, memoryBytes }) {
    const dir = path.join(ROOT, name);
    await fs.writeFile(path.join(dir, 'memory.max'), String(memoryBytes));
    // No swap: a plan's memory is what the instance gets, not a hint.
    await writeIfPresent(path.join(dir, 'memory.swap.max'), '0');
    await fs.writeFile(path.join(dir, 'cpu.max'), `${Math.round(cpus * CFS_PERIOD_US)} ${CFS_PERIOD_US}`);
  },
  async usage(name) {
    const dir = path.join(ROOT, name);
    return {
      cpuUsec: await keyed(path.join(dir, 'cpu.stat'), 'usage_usec'),
      memoryBytes: await readNumber(path.join(dir, 'memory.current')),
      oomKills: await keyed(path.join(dir, 'memory.events'), 'oom_kill'),
    };
  },
};

const v1Dir = (controller: string, name: string) => path.join(ROOT, controller, name);
const v1: Layout = {
  dirs: (name) => ['memory', 'cpu', 'cpuacct', 'pids'].filter((c) => existsSync(path.join(ROOT, c))).map((c) => v1Dir(c, name)),
  procsDir: (name) => v1Dir('memory', name),
  listRoot: path.join(ROOT, 'memory'),
  async limit(name, { cpus, memoryBytes }) {
    const memory = v1Dir('memory', name);
    const ram = path.join(memory, 'memory.limit_in_bytes');
    const ramAndSwap = path.join(memory, 'memory.memsw.limit_in_bytes');
    // The kernel keeps memsw >= the memory limit (EINVAL otherwise): on a grow, raise memsw first.
    const growing = memoryBytes > (await readNumber(ram));
    if (growing) await writeIfPresent(ramAndSwap, String(memoryBytes));
    await fs.writeFile(ram, String(memoryBytes));
    if (!growing) await writeIfPresent(ramAndSwap, String(memoryBytes));
    await writeIfPresent(path.join(memory, 'memory.swappiness'), '0');
    await fs.writeFile(path.join(v1Dir('cpu', name), 'cpu.cfs_period_us'), String(CFS_PERIOD_US));
    await fs.writeFile(path.join(v1Dir('cpu', name), 'cpu.cfs_quota_us'), String(Math.round(cpus * CFS_PERIOD_US)));
  },
  async usage(name) {
    const memory = v1Dir('memory', name);
    return {
      cpuUsec: Math.round((await readNumber(path.join(v1Dir('cpuacct', name), 'cpuacct.usage'))) / 1000),
      memoryBytes: await readNumber(path.join(memory, 'memory.usage_in_bytes')),
      oomKills: await keyed(path.join(memory, 'memory.oom_control'), 'oom_kill'),
    };
  },
};

export class Cgroups {
  private constructor(private readonly layout: Layout) {}

  /** Picks the layout this host uses; on v2 it makes sure our children may use cpu and memory. */
  static detect(): Cgroups {
    if (existsSync(path.join(ROOT, 'cgroup.controllers'))) {
      const enabled = readFileSync(path.join(ROOT, 'cgroup.subtree_control'), 'utf8');
      const wanted = ['cpu', 'memory', 'pids'].filter((c) => !enabled.split(/\s+/).includes(c));
      if (wanted.length > 0) writeFileSync(path.join(ROOT, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '));
      return new Cgroups(v2);
    }
    if (!existsSync(path.join(ROOT, 'memory'))) throw new DriverError('no memory cgroup controller on this host', false);
    return new Cgroups(v1);
  }

  async create(name: string): Promise<void> {
    for (const dir of this.layout.dirs(name)) await fs.mkdir(dir, { recursive: true });
  }

  /** The `cgroup.procs` files a process must be written to, to join the cgroup everywhere. */
  procsFiles(name: string): string[] {
    return this.layout.dirs(name).map((dir) => path.join(dir, 'cgroup.procs'));
  }

  limit(name: string, limits: CgroupLimits): Promise<void> {
    return this.layout.limit(name, limits);
  }

  usage(name: string): Promise<CgroupUsage> {
    return this.layout.usage(name);
  }

  async procs(name: string): Promise<number[]> {
    try {
      const text = await fs.readFile(path.join(this.layout.procsDir(name), 'cgroup.procs'), 'utf8');
      return text.split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }

  /** SIGKILLs every process in the cgroup until none is left (new ones may be forking meanwhile). */
  async killAll(name: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const pids = await this.procs(name);
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await sleep(50);
    }
    throw new DriverError(`processes of cgroup ${name} would not die`);
  }

  /** Kills what is left and removes the cgroup everywhere. */
  async remove(name: string): Promise<void> {
    await this.killAll(name);
    for (const dir of this.layout.dirs(name)) {
      for (let attempt = 0; attempt < 20 && existsSync(dir); attempt++) {
        try {
          await fs.rmdir(dir);
        } catch {
          // The kernel frees a cgroup shortly after its last process exits.
          await sleep(50);
        }
      }
    }
  }

  /** Names of the cgroups the driver made (and only those). */
  async list(): Promise<string[]> {
    const entries = await fs.readdir(this.layout.listRoot, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && e.name.startsWith(HOST_PREFIX)).map((e) => e.name);
  }
}
