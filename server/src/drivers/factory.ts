// Picks the drivers named by the configuration.
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { ComputeDriver } from './compute-driver.js';
import { SimComputeDriver } from './sim/sim-compute-driver.js';
import { SimMachinesStore } from './sim/store.js';
import { SimDisksStore } from './sim/disks-store.js';
import { SimStorageDriver } from './sim/sim-storage-driver.js';
import type { StorageDriver } from './storage-driver.js';
import type { NetworkDriver } from './network-driver.js';
import { SimNetworkDriver } from './sim/sim-network-driver.js';
import type { DatabaseDriver } from './database-driver.js';
import { SimDatabasesStore } from './sim/databases-store.js';
import { SimDatabaseDriver } from './sim/sim-database-driver.js';
import { assertLinuxHost } from './linux/preflight.js';
import { LinuxHost } from './linux/linux-host.js';
import { LinuxComputeDriver } from './linux/linux-compute-driver.js';
import { LinuxNetworkDriver } from './linux/linux-network-driver.js';
import { LoadBalancers } from './linux/load-balancers.js';
import { LinuxStorageDriver } from './linux/volumes.js';
import { LinuxDatabaseDriver } from './linux/databases.js';
import { reconcileHost, type KnownResources, type ReconcileLog } from './linux/reconcile.js';
import { InstancesStore } from '../resources/instances/store.js';
import { VolumesStore } from '../resources/volumes/store.js';
import { SnapshotsStore } from '../resources/snapshots/store.js';
import { LoadBalancersStore } from '../resources/load-balancers/store.js';
import { DatabasesStore } from '../resources/databases/store.js';
import { DatabaseBackupsStore } from '../resources/databases/backups-store.js';

export interface Drivers {
  compute: ComputeDriver;
  storage: StorageDriver;
  network: NetworkDriver;
  database: DatabaseDriver;
  /** Brings the host in line with the database before any action runs (real drivers only). */
  reconcile?: (log: ReconcileLog) => Promise<void>;
  /** Stops background work (metrics sampling). */
  close?: () => void;
}

export function createDrivers(config: Config, db: Db, clock: Clock): Drivers {
  switch (config.driver) {
    case 'sim':
      return {
        compute: new SimComputeDriver(new SimMachinesStore(db), config.simDelayMs, clock),
        storage: new SimStorageDriver(new SimDisksStore(db), config.simDelayMs, clock),
        network: new SimNetworkDriver(config.simDelayMs),
        database: new SimDatabaseDriver(new SimDatabasesStore(db), config.simDelayMs, clock),
      };
    case 'linux': {
      assertLinuxHost();
      const host = LinuxHost.open(path.join(config.dataDir, 'linux'));
      host.startSampling();
      const linux = {
        host,
        compute: new LinuxComputeDriver(host),
        storage: new LinuxStorageDriver(host),
        balancers: new LoadBalancers(host),
        databases: new LinuxDatabaseDriver(host),
      };
      return {
        compute: linux.compute,
        storage: linux.storage,
        network: new LinuxNetworkDriver(linux.balancers),
        // PostgreSQL only: a create of another engine fails with the reason (see docs/linux-driver.md).
        database: linux.databases,
        reconcile: (log) => reconcileHost(linux, knownResources(db), log),
        close: () => host.stopSampling(),
      };
    }
  }
}

function knownResources(db: Db): KnownResources {
  return {
    instances: () => new InstancesStore(db).allIds(),
    volumes: () => new VolumesStore(db).allIds(),
    snapshots: () => new SnapshotsStore(db).allIds(),
    loadBalancers: () => new LoadBalancersStore(db).allIds(),
    databases: () => new DatabasesStore(db).allIds(),
    databaseBackups: () => new DatabaseBackupsStore(db).allIds(),
  };
}
