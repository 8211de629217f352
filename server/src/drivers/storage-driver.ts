// What the engine asks of a block-storage backend. Every operation is idempotent, as for compute.

export interface VolumeSpec {
  volumeId: string;
  /** Where it shows up in an instance: /mnt/<name>. */
  name: string;
  sizeGb: number;
  filesystem: 'ext4' | 'xfs' | 'none';
  /** Restore from this snapshot instead of creating an empty disk. */
  snapshotId: string | null;
}

export interface StorageDriver {
  createVolume(spec: VolumeSpec): Promise<void>;
  attach(volumeId: string, instanceId: string): Promise<void>;
  detach(volumeId: string, instanceId: string): Promise<void>;
  /** Grows the disk; shrinking is refused before it gets here. */
  resizeVolume(volumeId: string, sizeGb: number): Promise<void>;
  deleteVolume(volumeId: string): Promise<void>;
  createSnapshot(snapshotId: string, volumeId: string): Promise<void>;
  deleteSnapshot(snapshotId: string): Promise<void>;
}
