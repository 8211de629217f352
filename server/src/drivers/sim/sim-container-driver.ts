// Simulated containers: delays and failures on demand like the other sim drivers, and a memory
// of each container's power and "output" in the database, so logs and metrics survive restarts.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError, type MetricSeries, type MetricsQuery } from '../compute-driver.js';
import type { ContainerDriver, ContainerLogs, ContainerSpec } from '../container-driver.js';
import { SimFaults } from './faults.js';
import { simulatedMetrics } from './metrics.js';
import { simDb, type SimDb } from './migrations.js';

export type ContainerOperation = 'create' | 'start' | 'stop' | 'restart' | 'destroy';

export class SimContainerDriver implements ContainerDriver {
  private readonly db: SimDb;

  constructor(
    db: Db,
    private readonly delayMs: number,
    private readonly clock: Clock,
    readonly faults = new SimFaults<ContainerOperation>(),
  ) {
    this.db = simDb(db);
  }

  async create(spec: ContainerSpec): Promise<void> {
    await this.faults.step('create', this.delayMs);
    const output: ContainerLogs = { stdout: [`[sim] ${spec.argv.join(' ')} started at ${spec.ipv4}`], stderr: [] };
    await this.db
      .insertInto('sim_containers')
      .values({ container_id: spec.containerId, power: 'on', memory_mb: spec.memoryMb, output: JSON.stringify(output), created_at: new Date(this.clock()).toISOString() })
      .onConflict((oc) => oc.column('container_id').doNothing())
      .execute();
  }

  async start(containerId: string): Promise<void> {
    await this.faults.step('start', this.delayMs);
    await this.power(containerId, 'on', { stdout: '[sim] started' });
  }

  async stop(containerId: string): Promise<void> {
    await this.faults.step('stop', this.delayMs);
    await this.power(containerId, 'off', { stderr: '[sim] stopped by SIGTERM' });
  }

  async restart(containerId: string): Promise<void> {
    await this.faults.step('restart', this.delayMs);
    await this.power(containerId, 'on', { stderr: '[sim] stopped by SIGTERM', stdout: '[sim] started' });
  }

  async destroy(containerId: string): Promise<void> {
    await this.faults.step('destroy', this.delayMs);
    await this.db.deleteFrom('sim_containers').where('container_id', '=', containerId).execute();
  }

  async logs(containerId: string, tail: number): Promise<ContainerLogs> {
    const row = await this.find(containerId);
    const output = row ? (JSON.parse(row.output) as ContainerLogs) : { stdout: [], stderr: [] };
    return { stdout: output.stdout.slice(-tail), stderr: output.stderr.slice(-tail) };
  }

  async metrics(containerId: string, query: MetricsQuery): Promise<MetricSeries[]> {
    const row = await this.find(containerId);
    const bornAt = row ? Date.parse(row.created_at) / 1000 : Infinity;
    return simulatedMetrics(containerId, (row?.memory_mb ?? 0) / 1024, query, (t) => row?.power === 'on' && t >= bornAt);
  }

  private find(containerId: string) {
    return this.db.selectFrom('sim_containers').selectAll().where('container_id', '=', containerId).executeTakeFirst();
  }

  /** Sets the power and appends what the process would have printed on the way. */
  private async power(containerId: string, power: 'on' | 'off', printed: { stdout?: string; stderr?: string }): Promise<void> {
    const row = await this.find(containerId);
    if (!row) throw new DriverError(`container ${containerId} does not exist`, false);
    const output = JSON.parse(row.output) as ContainerLogs;
    if (printed.stderr) output.stderr.push(printed.stderr);
    if (printed.stdout) output.stdout.push(printed.stdout);
    await this.db.updateTable('sim_containers').set({ power, output: JSON.stringify(output) }).where('container_id', '=', containerId).execute();
  }
}
