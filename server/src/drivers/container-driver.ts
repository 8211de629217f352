// What the engine asks of a container runtime backend. Like the compute driver, every operation
// is idempotent: after a crash the engine repeats the one it was running.
import type { MetricSeries, MetricsQuery } from './compute-driver.js';

export interface ContainerPort {
  container_port: number;
  protocol: 'tcp' | 'udp';
}

export interface ContainerSpec {
  containerId: string;
  name: string;
  /** The image's unpacked rootfs: the driver runs a copy of it and never writes into it. */
  rootfs: string;
  /** The process to run (the container's command, else the image's Entrypoint and Cmd). */
  argv: string[];
  /** `NAME=value` pairs: the image's Env with the container's environment on top. */
  env: string[];
  workingDir: string;
  /** The image's User (`uid[:gid]`), empty for root. */
  user: string;
  memoryMb: number;
  cpu: number;
  ports: ContainerPort[];
  /** The private address the control plane allocated in the container's network. */
  ipv4: string;
  network: { id: string; vpcId: string; ipRange: string };
}

/** The tail of what the container's process wrote, line by line. */
export interface ContainerLogs {
  stdout: string[];
  stderr: string[];
}

export interface ContainerDriver {
  /** Builds the container from its image and starts its process. */
  create(spec: ContainerSpec): Promise<void>;
  start(containerId: string): Promise<void>;
  /** Ends the process (SIGTERM, then SIGKILL after a grace period); the container stays, stopped. */
  stop(containerId: string): Promise<void>;
  restart(containerId: string): Promise<void>;
  destroy(containerId: string): Promise<void>;
  /** The last `tail` lines of stdout and of stderr, across the container's runs. */
  logs(containerId: string, tail: number): Promise<ContainerLogs>;
  metrics(containerId: string, query: MetricsQuery): Promise<MetricSeries[]>;
}
