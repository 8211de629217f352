// The default driver: machines that exist only in the database, with realistic delays, private
// addresses that never collide, plausible metrics, and failures on demand for tests.
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../clock.js';
import { storedTime } from '../../clock.js';
import {
  DriverError,
  type ComputeDriver,
  type MachineSize,
  type MachineSpec,
  type MetricSeries,
  type MetricsQuery,
} from '../compute-driver.js';
import { SimFaults } from './faults.js';
import { simulatedMetrics } from './metrics.js';
import type { SimMachine, SimMachinesStore } from './store.js';

const ADDRESS_ATTEMPTS = 20;

export type ComputeOperation = 'create' | 'start' | 'stop' | 'reboot' | 'resize' | 'destroy';

export class SimComputeDriver implements ComputeDriver {
  constructor(
    private readonly store: SimMachinesStore,
    private readonly delayMs: number,
    private readonly clock: Clock,
    readonly faults = new SimFaults<ComputeOperation>(),
  ) {}

  async create(spec: MachineSpec): Promise<{ ipv4: string }> {
    await this.step('create');
    const existing = await this.store.find(spec.instanceId);
    if (existing) return { ipv4: existing.ipv4 };
    for (let attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
      const ipv4 = randomPrivateAddress();
      const machine: SimMachine = {
        instance_id: spec.instanceId,
        ipv4,
        power: 'on',
        cpu: spec.cpu,
        memory_gb: spec.memoryGb,
        created_at: storedTime(this.clock()),
      };
      if (await this.store.insert(machine)) return { ipv4 };
      // Either the address was taken (try another) or a repeat of this create won the race.
      const raced = await this.store.find(spec.instanceId);
      if (raced) return { ipv4: raced.ipv4 };
    }
    throw new DriverError('no free private address after several attempts');
  }

  async start(instanceId: string): Promise<void> {
    await this.step('start');
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'on' }));
  }

  async stop(instanceId: string): Promise<void> {
    await this.step('stop');
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'off' }));
  }

  async reboot(instanceId: string): Promise<void> {
    await this.step('reboot');
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'on' }));
  }

  async resize(instanceId: string, size: MachineSize): Promise<void> {
    await this.step('resize');
    await this.require(instanceId, () => this.store.update(instanceId, { cpu: size.cpu, memory_gb: size.memoryGb }));
  }

  async destroy(instanceId: string): Promise<void> {
    await this.step('destroy');
    await this.store.remove(instanceId);
  }

  async metrics(instanceId: string, query: MetricsQuery): Promise<MetricSeries[]> {
    const machine = await this.store.find(instanceId);
    const bornAt = machine ? Date.parse(machine.created_at) / 1000 : Infinity;
    const on = machine?.power === 'on';
    return simulatedMetrics(instanceId, machine?.memory_gb ?? 0, query, (t) => on && t >= bornAt);
  }

  /** Each operation takes the configured time, then fails if a test asked it to. */
  private async step(operation: ComputeOperation): Promise<void> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.faults.take(operation)) throw new DriverError(`simulated ${operation} failure`);
  }

  private async require(instanceId: string, change: () => Promise<boolean>): Promise<void> {
    if (!(await change())) throw new DriverError(`machine ${instanceId} does not exist`, false);
  }
}

/** An address in 10.0.0.0/8, avoiding network and broadcast-looking host parts. */
function randomPrivateAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(2, 255)}`;
}
