// Where the linux driver keeps its files under the data dir. The state files are the driver's own
// memory of what it made (like a hypervisor's): they survive a kill -9 of the server.
import { existsSync, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export class HostLayout {
  readonly images: string;
  readonly instances: string;
  readonly volumes: string;
  readonly snapshots: string;
  readonly loadBalancers: string;
  readonly databases: string;
  readonly databaseBackups: string;
  readonly containers: string;
  readonly publicIps: string;

  constructor(readonly root: string) {
    this.images = path.join(root, 'images');
    this.instances = path.join(root, 'instances');
    this.volumes = path.join(root, 'volumes');
    this.snapshots = path.join(root, 'snapshots');
    this.loadBalancers = path.join(root, 'load-balancers');
    this.databases = path.join(root, 'databases');
    this.databaseBackups = path.join(root, 'database-backups');
    this.containers = path.join(root, 'containers');
    this.publicIps = path.join(root, 'public-ips');
  }

  instanceDir = (id: string) => path.join(this.instances, id);
  rootfs = (id: string) => path.join(this.instances, id, 'rootfs');
  consoleFile = (id: string) => path.join(this.instances, id, 'console.log');
  machineFile = (id: string) => path.join(this.instances, id, 'machine.json');
  volumeImage = (id: string) => path.join(this.volumes, `${id}.img`);
  volumeFile = (id: string) => path.join(this.volumes, `${id}.json`);
  snapshotImage = (id: string) => path.join(this.snapshots, `${id}.img`);
  loadBalancerFile = (id: string) => path.join(this.loadBalancers, `${id}.json`);
  databaseDir = (id: string) => path.join(this.databases, id);
  databaseFile = (id: string) => path.join(this.databases, id, 'database.json');
  databaseBackup = (id: string) => path.join(this.databaseBackups, `${id}.dump`);
  containerDir = (id: string) => path.join(this.containers, id);
  publicIpFile = (ip: string) => path.join(this.publicIps, `${ip}.json`);

  prepare(): void {
    for (const dir of [this.images, this.instances, this.volumes, this.snapshots, this.loadBalancers, this.databases, this.databaseBackups, this.publicIps, this.containers]) mkdirSync(dir, { recursive: true });
  }
}

/** Replaces `file` in one rename, so a crash leaves the old or the new content, never half. */
export async function writeJson(file: string, value: unknown): Promise<void> {
  const scratch = `${file}.tmp-${process.pid}`;
  await fs.writeFile(scratch, JSON.stringify(value, null, 2));
  await fs.rename(scratch, file);
}

export async function readJson<T>(file: string): Promise<T | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

/** The ids of the state files (`<id>.json`) in `dir`. */
export async function idsIn(dir: string, suffix = '.json'): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await fs.readdir(dir)).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length));
}
