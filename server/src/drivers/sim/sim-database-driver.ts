// Simulated managed databases: servers and backups that exist only in the database, with the same
// delays and on-demand failures as the other sim drivers, and plausible metrics.
import { storedTime, type Clock } from '../../clock.js';
import { DriverError, type MetricSeries } from '../compute-driver.js';
import type { DatabaseDriver, DatabaseMetricsQuery, DatabaseSize, DatabaseSpec, DatabaseUserSpec } from '../database-driver.js';
import type { SimDatabase, SimDatabasesStore } from './databases-store.js';
import { SimFaults } from './faults.js';
import { daily, noise, seriesOver } from './metrics.js';

export type DatabaseOperation = 'create_database' | 'resize_database' | 'delete_database' | 'put_user' | 'delete_user' | 'create_backup' | 'delete_backup';

/** Simulated data grows to this share of the storage over the first day, then stays there. */
const USED_SHARE = 0.3;

export class SimDatabaseDriver implements DatabaseDriver {
  constructor(
    private readonly store: SimDatabasesStore,
    private readonly delayMs: number,
    private readonly clock: Clock,
    readonly faults = new SimFaults<DatabaseOperation>(),
  ) {}

  async createDatabase(spec: DatabaseSpec): Promise<void> {
    await this.faults.step('create_database', this.delayMs);
    if (spec.restoreFromBackupId && !(await this.store.find(spec.restoreFromBackupId))) throw new DriverError(`backup ${spec.restoreFromBackupId} does not exist`, false);
    await this.store.insert({
      id: spec.databaseId,
      kind: 'database',
      engine: spec.engine,
      storage_gb: spec.storageGb,
      node_count: spec.nodeCount,
      users: JSON.stringify([spec.admin.name]),
      created_at: storedTime(this.clock()),
    });
  }

  async resizeDatabase(databaseId: string, size: DatabaseSize): Promise<void> {
    await this.faults.step('resize_database', this.delayMs);
    await this.require(databaseId);
    await this.store.update(databaseId, { storage_gb: size.storageGb, node_count: size.nodeCount });
  }

  async deleteDatabase(databaseId: string): Promise<void> {
    await this.faults.step('delete_database', this.delayMs);
    await this.store.remove(databaseId);
  }

  async putUser(databaseId: string, user: DatabaseUserSpec): Promise<void> {
    await this.faults.step('put_user', this.delayMs);
    const users = new Set(JSON.parse((await this.require(databaseId)).users) as string[]).add(user.name);
    await this.store.update(databaseId, { users: JSON.stringify([...users]) });
  }

  async deleteUser(databaseId: string, name: string): Promise<void> {
    await this.faults.step('delete_user', this.delayMs);
    const users = (JSON.parse((await this.require(databaseId)).users) as string[]).filter((u) => u !== name);
    await this.store.update(databaseId, { users: JSON.stringify(users) });
  }

  async createBackup(databaseId: string, backupId: string): Promise<{ sizeMb: number }> {
    await this.faults.step('create_backup', this.delayMs);
    const server = await this.require(databaseId);
    const sizeMb = Math.round(this.usedGb(server, this.clock() / 1000) * 1024);
    await this.store.insert({ id: backupId, kind: 'backup', engine: server.engine, storage_gb: server.storage_gb, node_count: 1, users: '[]', created_at: storedTime(this.clock()) });
    return { sizeMb };
  }

  async deleteBackup(backupId: string): Promise<void> {
    await this.faults.step('delete_backup', this.delayMs);
    await this.store.remove(backupId);
  }

  async metrics(databaseId: string, query: DatabaseMetricsQuery): Promise<MetricSeries[]> {
    const server = await this.store.find(databaseId);
    const bornAt = server ? Date.parse(server.created_at) / 1000 : Infinity;
    const series = seriesOver(query, (t) => server !== undefined && t >= bornAt);
    const nodes = server?.node_count ?? 0;
    switch (query.type) {
      case 'connections':
        return [series('connections', 'count', (t) => Math.round(nodes * (3 + 40 * daily(t, databaseId) * noise(databaseId, 'conn', t))))];
      case 'cpu':
        return [series('cpu_utilization', 'percent', (t) => 3 + 50 * daily(t, databaseId) + 10 * noise(databaseId, 'cpu', t))];
      case 'storage':
        return [series('storage_used', 'gigabytes', (t) => (server ? this.usedGb(server, t) : 0))];
    }
  }

  private usedGb(server: SimDatabase, t: number): number {
    const ageDays = Math.max(0, t - Date.parse(server.created_at) / 1000) / 86_400;
    return server.storage_gb * USED_SHARE * Math.min(1, 0.05 + ageDays);
  }

  private async require(id: string): Promise<SimDatabase> {
    const server = await this.store.find(id);
    if (!server) throw new DriverError(`database ${id} does not exist`, false);
    return server;
  }
}
