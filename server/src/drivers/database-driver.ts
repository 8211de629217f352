// What the engine asks of a managed-database backend. Every operation is idempotent, as for
// compute: after a crash the engine repeats the operation it was running.
//
// The sim driver keeps databases in the control plane's own database. A real backend (the linux
// driver) runs the engine's server inside the database's own isolated environment, attached to
// `network` on `host`, and creates the users from their verifiers.
import type { MetricSeries } from './compute-driver.js';

export const DATABASE_METRIC_TYPES = ['connections', 'cpu', 'storage'] as const;
export type DatabaseMetricType = (typeof DATABASE_METRIC_TYPES)[number];

export interface DatabaseSize {
  cpu: number;
  memoryGb: number;
  storageGb: number;
  /** 1 is a primary alone; 2 and 3 add standbys that take over if it fails. */
  nodeCount: number;
}

export interface DatabaseUserSpec {
  name: string;
  /**
   * A SCRAM-SHA-256 verifier (`SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`), which
   * PostgreSQL takes as a password as it is; the control plane never keeps the password itself.
   */
  passwordVerifier: string;
}

export interface DatabaseSpec extends DatabaseSize {
  databaseId: string;
  engine: 'postgres' | 'mysql' | 'redis';
  version: string;
  region: string;
  /** The private network it is reachable in, and its allocated address and port there. */
  network: { id: string; vpcId: string; ipRange: string };
  host: string;
  port: number;
  databaseName: string;
  admin: DatabaseUserSpec;
  /** Start from this backup's data instead of an empty database. */
  restoreFromBackupId: string | null;
}

export interface DatabaseMetricsQuery {
  type: DatabaseMetricType;
  /** Unix seconds, inclusive. */
  start: number;
  end: number;
  step: number;
}

/** Why this backend cannot run an engine version the catalog offers (a 422 on that field). */
export interface DatabaseRefusal {
  field: 'engine' | 'version';
  message: string;
}

export interface DatabaseDriver {
  /** Asked before a create is accepted; a backend that runs every catalog engine leaves it out. */
  refuses?(engine: DatabaseSpec['engine'], version: string): DatabaseRefusal | null;
  createDatabase(spec: DatabaseSpec): Promise<void>;
  resizeDatabase(databaseId: string, size: DatabaseSize): Promise<void>;
  deleteDatabase(databaseId: string): Promise<void>;
  /** Creates the user, or sets its password if it exists. */
  putUser(databaseId: string, user: DatabaseUserSpec): Promise<void>;
  deleteUser(databaseId: string, name: string): Promise<void>;
  /** Takes a consistent backup; returns how much it holds. */
  createBackup(databaseId: string, backupId: string): Promise<{ sizeMb: number }>;
  deleteBackup(backupId: string): Promise<void>;
  metrics(databaseId: string, query: DatabaseMetricsQuery): Promise<MetricSeries[]>;
}
