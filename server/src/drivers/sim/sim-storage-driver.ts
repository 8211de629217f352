// Simulated block storage: disks and snapshot images that exist only in the database, with the
// same delays and on-demand failures as the simulated compute driver.
import { storedTime, type Clock } from '../../clock.js';
import { DriverError } from '../compute-driver.js';
import type { StorageDriver, VolumeSpec } from '../storage-driver.js';
import type { SimDisksStore } from './disks-store.js';
import { SimFaults } from './faults.js';

export type StorageOperation = 'create_volume' | 'attach' | 'detach' | 'resize_volume' | 'delete_volume' | 'create_snapshot' | 'delete_snapshot';

export class SimStorageDriver implements StorageDriver {
  constructor(
    private readonly store: SimDisksStore,
    private readonly delayMs: number,
    private readonly clock: Clock,
    readonly faults = new SimFaults<StorageOperation>(),
  ) {}

  async createVolume(spec: VolumeSpec): Promise<void> {
    await this.faults.step('create_volume', this.delayMs);
    if (spec.snapshotId && !(await this.store.find(spec.snapshotId))) throw new DriverError(`snapshot ${spec.snapshotId} does not exist`, false);
    await this.store.insert({ id: spec.volumeId, kind: 'volume', size_gb: spec.sizeGb, attached_to: null, created_at: storedTime(this.clock()) });
  }

  async attach(volumeId: string, instanceId: string): Promise<void> {
    await this.faults.step('attach', this.delayMs);
    const disk = await this.require(volumeId);
    if (disk.attached_to !== null && disk.attached_to !== instanceId) throw new DriverError(`disk ${volumeId} is attached elsewhere`, false);
    await this.store.update(volumeId, { attached_to: instanceId });
  }

  async detach(volumeId: string): Promise<void> {
    await this.faults.step('detach', this.delayMs);
    await this.require(volumeId);
    await this.store.update(volumeId, { attached_to: null });
  }

  async resizeVolume(volumeId: string, sizeGb: number): Promise<void> {
    await this.faults.step('resize_volume', this.delayMs);
    await this.require(volumeId);
    await this.store.update(volumeId, { size_gb: sizeGb });
  }

  async deleteVolume(volumeId: string): Promise<void> {
    await this.faults.step('delete_volume', this.delayMs);
    await this.store.remove(volumeId);
  }

  async createSnapshot(snapshotId: string, volumeId: string): Promise<void> {
    await this.faults.step('create_snapshot', this.delayMs);
    const disk = await this.require(volumeId);
    await this.store.insert({ id: snapshotId, kind: 'snapshot', size_gb: disk.size_gb, attached_to: null, created_at: storedTime(this.clock()) });
  }

  async deleteSnapshot(snapshotId: string): Promise<void> {
    await this.faults.step('delete_snapshot', this.delayMs);
    await this.store.remove(snapshotId);
  }


  private async require(id: string) {
    const disk = await this.store.find(id);
    if (!disk) throw new DriverError(`disk ${id} does not exist`, false);
    return disk;
  }
}
