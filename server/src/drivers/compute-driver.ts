// What the engine asks of a compute backend. Every operation is idempotent: after a crash the
// engine repeats the operation it was running, and the driver must treat a repeat as a no-op.

export interface MachineSpec {
  instanceId: string;
  name: string;
  region: string;
  image: string;
  cpu: number;
  memoryGb: number;
  /** The private address the control plane allocated in the instance's network. */
  ipv4: string;
  /** The private network the address belongs to. */
  network: { id: string; vpcId: string; ipRange: string };
  sshPublicKeys: string[];
  /** Base64 cloud-init style script, run at first boot. */
  userData: string | null;
}

export interface MachineSize {
  cpu: number;
  memoryGb: number;
}

export const METRIC_TYPES = ['cpu', 'memory', 'network'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export interface MetricSeries {
  name: string;
  unit: string;
  /** [unix seconds, value] pairs, one per step. */
  points: [number, number][];
}

export interface MetricsQuery {
  type: MetricType;
  /** Unix seconds, inclusive. */
  start: number;
  end: number;
  step: number;
}

/** A failure the driver expects to go away on retry (the engine retries with backoff). */
export class DriverError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'DriverError';
  }
}

export interface ComputeDriver {
  /** Provisions the machine with its allocated address and boots it; returns the address it has. */
  create(spec: MachineSpec): Promise<{ ipv4: string }>;
  start(instanceId: string): Promise<void>;
  /** Powers the machine off at once, like pulling the plug: its OS gets no say. */
  stop(instanceId: string): Promise<void>;
  /** Asks the machine's OS to shut down (ACPI-like), waits a bounded time, then powers off what is left. */
  shutdown(instanceId: string): Promise<void>;
  reboot(instanceId: string): Promise<void>;
  resize(instanceId: string, size: MachineSize): Promise<void>;
  destroy(instanceId: string): Promise<void>;
  /**
   * Copies the machine's root disk into custom image `imageId` and says how big it is. A running
   * machine is copied as it is (crash-consistent); the control plane decides whether that is allowed.
   */
  snapshot(instanceId: string, imageId: string): Promise<{ sizeGb: number }>;
  /** Replaces the machine's root disk with a fresh copy of `image` (a slug or a custom image id), keeping its address and power state. */
  rebuild(instanceId: string, image: string): Promise<void>;
  deleteImage(imageId: string): Promise<void>;
  metrics(instanceId: string, query: MetricsQuery): Promise<MetricSeries[]>;
  /** The tail of the machine's console: boot messages and the output of user_data. */
  console(instanceId: string): Promise<string>;
}
