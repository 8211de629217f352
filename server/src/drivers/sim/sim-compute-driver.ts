// The default driver: machines that exist only in the database, with realistic delays, plausible
// metrics, and failures on demand for tests.
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
import type { SimDisksStore } from './disks-store.js';
import type { SimMachinesStore } from './store.js';

export type ComputeOperation = 'create' | 'start' | 'stop' | 'shutdown' | 'reboot' | 'resize' | 'destroy' | 'snapshot' | 'rebuild' | 'delete_image';

/** What a simulated root disk holds once captured: a minimal OS, whatever the plan. */
const SIM_IMAGE_GB = 2;

export class SimComputeDriver implements ComputeDriver {
  constructor(
    private readonly store: SimMachinesStore,
    /** Custom images are disks of kind `image` in the simulated storage backend. */
    private readonly disks: SimDisksStore,
    private readonly delayMs: number,
    private readonly clock: Clock,
    readonly faults = new SimFaults<ComputeOperation>(),
  ) {}

  async create(spec: MachineSpec): Promise<{ ipv4: string }> {
    await this.faults.step('create', this.delayMs);
    await this.requireImage(spec.image);
    // A repeated create (after a crash) finds the machine it made the first time.
    await this.store.insert({
      instance_id: spec.instanceId,
      ipv4: spec.ipv4,
      power: 'on',
      cpu: spec.cpu,
      memory_gb: spec.memoryGb,
      created_at: storedTime(this.clock()),
    });
    return { ipv4: spec.ipv4 };
  }

  async start(instanceId: string): Promise<void> {
    await this.faults.step('start', this.delayMs);
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'on' }));
  }

  async stop(instanceId: string): Promise<void> {
    await this.faults.step('stop', this.delayMs);
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'off' }));
  }

  /** A simulated OS always shuts down in time: the same power-off, as its own step (faults apart). */
  async shutdown(instanceId: string): Promise<void> {
    await this.faults.step('shutdown', this.delayMs);
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'off' }));
  }

  async reboot(instanceId: string): Promise<void> {
    await this.faults.step('reboot', this.delayMs);
    await this.require(instanceId, () => this.store.update(instanceId, { power: 'on' }));
  }

  async resize(instanceId: string, size: MachineSize): Promise<void> {
    await this.faults.step('resize', this.delayMs);
    await this.require(instanceId, () => this.store.update(instanceId, { cpu: size.cpu, memory_gb: size.memoryGb }));
  }

  async destroy(instanceId: string): Promise<void> {
    await this.faults.step('destroy', this.delayMs);
    await this.store.remove(instanceId);
  }

  async snapshot(instanceId: string, imageId: string): Promise<{ sizeGb: number }> {
    await this.faults.step('snapshot', this.delayMs);
    if (!(await this.store.find(instanceId))) throw new DriverError(`machine ${instanceId} does not exist`, false);
    await this.disks.insert({ id: imageId, kind: 'image', size_gb: SIM_IMAGE_GB, attached_to: null, created_at: storedTime(this.clock()) });
    return { sizeGb: SIM_IMAGE_GB };
  }

  async rebuild(instanceId: string, image: string): Promise<void> {
    await this.faults.step('rebuild', this.delayMs);
    await this.requireImage(image);
    // The simulated disk has no content to replace: the machine only has to exist.
    if (!(await this.store.find(instanceId))) throw new DriverError(`machine ${instanceId} does not exist`, false);
  }

  async deleteImage(imageId: string): Promise<void> {
    await this.faults.step('delete_image', this.delayMs);
    await this.disks.remove(imageId);
  }

  async metrics(instanceId: string, query: MetricsQuery): Promise<MetricSeries[]> {
    const machine = await this.store.find(instanceId);
    const bornAt = machine ? Date.parse(machine.created_at) / 1000 : Infinity;
    const on = machine?.power === 'on';
    return simulatedMetrics(instanceId, machine?.memory_gb ?? 0, query, (t) => on && t >= bornAt);
  }

  /** A plausible boot log: the machine's boots as power-ons, the way a real console would show them. */
  async console(instanceId: string): Promise<string> {
    const machine = await this.store.find(instanceId);
    if (!machine) return '';
    const lines = [
      `[    0.000000] Linux version 6.1.0-cloudnexus (simulated)`,
      `[    0.412000] cnx-init: booted ${instanceId} at ${machine.created_at}`,
      `[    1.020000] cnx-init: network ${machine.ipv4} up`,
    ];
    if (machine.power === 'off') lines.push('[    9.000000] cnx-init: shutting down');
    return `${lines.join('\n')}\n`;
  }

  /** A custom image must exist in the backend; OS slugs always do. */
  private async requireImage(image: string): Promise<void> {
    if (image.startsWith('img_') && !(await this.disks.find(image))) throw new DriverError(`image ${image} does not exist`, false);
  }

  private async require(instanceId: string, change: () => Promise<boolean>): Promise<void> {
    if (!(await change())) throw new DriverError(`machine ${instanceId} does not exist`, false);
  }
}
