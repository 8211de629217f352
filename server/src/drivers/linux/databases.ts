// Managed PostgreSQL on this host: each database is an environment of its own (network namespace
// plugged into its network's bridge at its private address, a cgroup sized to its plan, private
// mount/PID/UTS/IPC namespaces) running Debian's PostgreSQL server as an unprivileged user.
// The driver administers it through the local socket inside the environment, as its superuser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DriverError, type MetricSeries } from '../compute-driver.js';
import type { DatabaseDriver, DatabaseMetricsQuery, DatabaseRefusal, DatabaseSize, DatabaseSpec, DatabaseUserSpec } from '../database-driver.js';
import { BOOT_SERVER, DATA_DIR, DUMPS_DIR, HBA_FILE, prepareDatabaseTree, RESTORE_FILE, SERVER_UID, SOCKET_DIR } from './database-tree.js';
import { execInEnvironment, findInit, isolatedCommand, JOIN_CGROUP_THEN_EXEC, stopEnvironment } from './environments.js';
import { readJson, writeJson } from './host-layout.js';
import { ADMIN_SQL, DROP_USER_SQL, PUT_USER_SQL } from './postgres-sql.js';
import { run } from './host-command.js';
import type { LinuxHost } from './linux-host.js';
import { bridgeName, cgroupName, environmentNamespace, macAddress, vethName, vpcNamespace } from './names.js';
import { ensureBridge, ensureNamespace, ensureVpcRouter, plugIntoBridge, removeNamespace } from './namespaces.js';

/** What the driver remembers of a database: how it was made (its size follows resizes). */
export interface DatabaseState {
  spec: DatabaseSpec;
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const GIB = 1024 ** 3;
const READY_TIMEOUT_MS = 90_000;

const treeOf = (dir: string) => path.join(dir, 'root');
const consoleOf = (dir: string) => path.join(dir, 'server.log');

export class LinuxDatabaseDriver implements DatabaseDriver {
  constructor(private readonly host: LinuxHost) {
    host.usesVpcs(async () => (await this.all()).map((d) => d.spec.network.vpcId));
    host.samples(async () => (await this.all()).map((d) => ({ id: d.spec.databaseId, cpus: d.spec.cpu })));
  }

  refuses(engine: DatabaseSpec['engine'], version: string): DatabaseRefusal | null {
    if (engine !== 'postgres') return { field: 'engine', message: `Engine ${engine} is not available on the linux driver (only postgres is)` };
    if (!installed(version)) return { field: 'version', message: `PostgreSQL ${version} is not installed on this host (apt-get install postgresql-${version})` };
    return null;
  }

  async createDatabase(spec: DatabaseSpec): Promise<void> {
    // Refused at the API already; checked again for a create accepted before the host changed.
    const refusal = this.refuses(spec.engine, spec.version);
    if (refusal) throw new DriverError(refusal.message, false);
    const dir = this.host.layout.databaseDir(spec.databaseId);
    // 0700 and root's: no other host user can reach the server's socket or files.
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // Written before anything runs, so reconciliation accounts for a half-made database.
    await writeJson(this.host.layout.databaseFile(spec.databaseId), { spec } satisfies DatabaseState);
    await this.start(spec.databaseId);
    await this.sql(spec, ADMIN_SQL, { name: spec.admin.name, verifier: spec.admin.passwordVerifier, database: spec.databaseName });
    if (spec.restoreFromBackupId) await this.restore(spec, spec.restoreFromBackupId);
  }

  async resizeDatabase(databaseId: string, size: DatabaseSize): Promise<void> {
    const state = await this.state(databaseId);
    state.spec = { ...state.spec, ...size };
    await writeJson(this.host.layout.databaseFile(databaseId), state);
    await this.applyLimits(state.spec);
  }

  async deleteDatabase(databaseId: string): Promise<void> {
    await stopEnvironment(this.host.cgroups, cgroupName(databaseId));
    await this.host.cgroups.remove(cgroupName(databaseId));
    await removeNamespace(environmentNamespace(databaseId));
    await fs.rm(this.host.layout.databaseDir(databaseId), { recursive: true, force: true });
    this.host.metrics.forget(databaseId);
    await this.host.removeUnusedVpcs();
  }

  async putUser(databaseId: string, user: DatabaseUserSpec): Promise<void> {
    const { spec } = await this.state(databaseId);
    await this.sql(spec, PUT_USER_SQL, { name: user.name, verifier: user.passwordVerifier }, spec.databaseName);
  }

  async deleteUser(databaseId: string, name: string): Promise<void> {
    const { spec } = await this.state(databaseId);
    // What the user owns goes to the admin first: DROP ROLE refuses an owner.
    await this.sql(spec, DROP_USER_SQL, { name, admin: spec.admin.name }, spec.databaseName);
  }

  async createBackup(databaseId: string, backupId: string): Promise<{ sizeMb: number }> {
    const { spec } = await this.state(databaseId);
    const target = this.host.layout.databaseBackup(backupId);
    if (!existsSync(target)) {
      const inside = `${DUMPS_DIR}/${backupId}.dump`;
      await this.asServerUser(spec, 'pg_dump', ['--format=custom', `--file=${inside}`, spec.databaseName]);
      const written = path.join(treeOf(this.host.layout.databaseDir(databaseId)), inside);
      // The server's user wrote it: accept a plain file only, never a link to something of the host's.
      if (!(await fs.lstat(written)).isFile()) throw new DriverError(`backup ${backupId} is not a regular file`, false);
      await fs.rename(written, target);
    }
    return { sizeMb: Math.max(1, Math.ceil((await fs.stat(target)).size / 1024 ** 2)) };
  }

  async deleteBackup(backupId: string): Promise<void> {
    await fs.rm(this.host.layout.databaseBackup(backupId), { force: true });
  }

  async metrics(databaseId: string, query: DatabaseMetricsQuery): Promise<MetricSeries[]> {
    switch (query.type) {
      case 'cpu':
        return this.host.metrics.series(databaseId, { ...query, type: 'cpu' });
      case 'connections': {
        const state = await readJson<DatabaseState>(this.host.layout.databaseFile(databaseId));
        // A server that is not (yet, or any more) running has no connections. Our own psql is not counted.
        const count = state ? await this.sql(state.spec, "SELECT count(*) - 1 FROM pg_stat_activity WHERE backend_type = 'client backend'", {}).catch(() => '0') : '0';
        return [latest(query, 'connections', 'count', Number(count.trim()))];
      }
      case 'storage': {
        const dir = path.join(treeOf(this.host.layout.databaseDir(databaseId)), DATA_DIR);
        const bytes = existsSync(dir) ? Number((await run('du', ['-sb', dir])).split('\t')[0]) : 0;
        return [latest(query, 'storage_used', 'gigabytes', Math.round((bytes / GIB) * 1000) / 1000)];
      }
    }
  }

  /** Boots the server if it is not running (network, cgroup, tree, server) and waits until it answers. */
  async start(databaseId: string): Promise<void> {
    const { spec } = await this.state(databaseId);
    const bin = binDir(spec.version);
    const dir = this.host.layout.databaseDir(databaseId);
    const binds = await prepareDatabaseTree(treeOf(dir), spec.network.ipRange);
    await this.ensureNetwork(spec);
    const cgroup = cgroupName(databaseId);
    await this.host.cgroups.create(cgroup);
    await this.applyLimits(spec);
    if ((await this.host.cgroups.procs(cgroup)).length === 0) {
      const serverOptions = ['-c', `listen_addresses=${spec.host}`, '-c', `port=${spec.port}`, '-c', `unix_socket_directories=${SOCKET_DIR}`, '-c', `hba_file=${HBA_FILE}`, '-c', 'password_encryption=scram-sha-256'];
      await spawnDetached(
        consoleOf(dir),
        isolatedCommand(this.host.cgroups, cgroup, environmentNamespace(databaseId), ['sh', '-c', BOOT_SERVER, 'sh', treeOf(dir), bin, ...binds, '--', ...serverOptions]),
      );
    }
    await this.waitUntilReady(spec);
  }

  async ids(): Promise<string[]> {
    return (await fs.readdir(this.host.layout.databases)).filter((id) => existsSync(this.host.layout.databaseFile(id)));
  }

  async all(): Promise<DatabaseState[]> {
    const states = await Promise.all((await this.ids()).map((id) => readJson<DatabaseState>(this.host.layout.databaseFile(id))));
    return states.filter((s): s is DatabaseState => s !== null);
  }

  private async restore(spec: DatabaseSpec, backupId: string): Promise<void> {
    const dir = this.host.layout.databaseDir(spec.databaseId);
    // Done once: a repeated create after a crash must not restore the same rows twice.
    const marker = path.join(dir, 'restored');
    if (existsSync(marker)) return;
    const backup = this.host.layout.databaseBackup(backupId);
    if (!existsSync(backup)) throw new DriverError(`backup ${backupId} does not exist on this host`, false);
    const inside = path.join(treeOf(dir), RESTORE_FILE);
    await fs.rm(inside, { force: true });
    await fs.copyFile(backup, inside);
    await fs.chmod(inside, 0o644);
    try {
      await this.asServerUser(spec, 'pg_restore', ['--no-owner', '--no-acl', `--role=${spec.admin.name}`, '--exit-on-error', `--dbname=${spec.databaseName}`, RESTORE_FILE]);
    } finally {
      await fs.rm(inside, { force: true });
    }
    await fs.writeFile(marker, backupId);
  }

  private async waitUntilReady(spec: DatabaseSpec): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        await this.asServerUser(spec, 'pg_isready', ['--quiet']);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new DriverError(`database ${spec.databaseId} did not start: ${(error as Error).message}`);
        await sleep(200);
      }
    }
  }

  /**
   * Runs `sql` through psql as the superuser on the local socket; `vars` become psql variables
   * (quoted by psql with :'name' and :"name"), so no value is ever spliced into SQL text.
   */
  private sql(spec: DatabaseSpec, sql: string, vars: Record<string, string>, database = 'postgres'): Promise<string> {
    const variables = Object.entries(vars).flatMap(([k, v]) => ['-v', `${k}=${v}`]);
    return this.asServerUser(spec, 'psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', ...variables, `--dbname=${database}`, '-f', '-'], sql);
  }

  /** A PostgreSQL client program inside the environment, as the server's user, on the local socket. */
  private async asServerUser(spec: DatabaseSpec, program: string, args: readonly string[], input?: string): Promise<string> {
    // Until the boot script has entered the tree (it runs initdb first), PID 1's root is the host's:
    // a client started then would reach the host's own sockets.
    const init = await findInit(this.host.cgroups, cgroupName(spec.databaseId));
    const root = init === null ? null : await fs.readlink(`/proc/${init}/root`).catch(() => null);
    if (root !== treeOf(this.host.layout.databaseDir(spec.databaseId))) throw new DriverError(`database ${spec.databaseId} is not running yet`);
    const id = String(SERVER_UID);
    return execInEnvironment(
      this.host.cgroups,
      cgroupName(spec.databaseId),
      '/usr/bin/env',
      ['-i', 'TZ=UTC', `PGHOST=${SOCKET_DIR}`, `PGPORT=${spec.port}`, 'PGUSER=postgres', 'PGDATABASE=postgres', '/usr/bin/setpriv', `--reuid=${id}`, `--regid=${id}`, '--clear-groups', path.join(binDir(spec.version), program), ...args],
      input,
    );
  }

  private async ensureNetwork(spec: DatabaseSpec): Promise<void> {
    const vpcNs = vpcNamespace(spec.network.vpcId);
    const ns = environmentNamespace(spec.databaseId);
    await ensureVpcRouter(vpcNs);
    await ensureBridge(vpcNs, bridgeName(spec.network.id), spec.network.ipRange);
    await ensureNamespace(ns);
    await plugIntoBridge({ ns, vpcNs, bridge: bridgeName(spec.network.id), veth: vethName(spec.databaseId), mac: macAddress(spec.databaseId), address: spec.host, ipRange: spec.network.ipRange });
  }

  private applyLimits(spec: DatabaseSpec): Promise<void> {
    return this.host.cgroups.limit(cgroupName(spec.databaseId), { cpus: spec.cpu, memoryBytes: Math.round(spec.memoryGb * GIB) });
  }

  private async state(databaseId: string): Promise<DatabaseState> {
    const state = await readJson<DatabaseState>(this.host.layout.databaseFile(databaseId));
    if (!state) throw new DriverError(`database ${databaseId} does not exist`, false);
    return state;
  }
}

/** Where Debian's packages put the server of this major version. */
const binDir = (version: string) => path.join(POSTGRES_ROOT, version, 'bin');
const installed = (version: string) => /^\d+$/.test(version) && existsSync(path.join(binDir(version), 'postgres'));

/** Starts `command` in its own session, in a cgroup, with a clean environment (the server's variables are not for it). */
async function spawnDetached(consoleFile: string, cgroupThenCommand: string[]): Promise<void> {
  const console = await fs.open(consoleFile, 'a');
  try {
    const child = spawn('sh', ['-c', JOIN_CGROUP_THEN_EXEC, 'sh', ...cgroupThenCommand], {
      detached: true,
      stdio: ['ignore', console.fd, console.fd],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', TZ: 'UTC', LANG: 'C' },
    });
    child.unref();
  } finally {
    await console.close();
  }
}

/** A series holding the value measured now at the step that contains now (no history is kept). */
function latest(query: DatabaseMetricsQuery, name: string, unit: string, value: number): MetricSeries {
  const now = Math.floor(Date.now() / 1000);
  const points: [number, number][] = [];
  for (let t = query.start - (query.start % query.step); t <= query.end; t += query.step) {
    if (t >= query.start) points.push([t, t <= now && now < t + query.step ? value : 0]);
  }
  return { name, unit, points };
}
