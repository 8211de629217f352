// Picks the drivers named by the configuration.
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { migrateSimTables } from './sim/migrations.js';
import type { ComputeDriver } from './compute-driver.js';
import { SimComputeDriver } from './sim/sim-compute-driver.js';
import { SimMachinesStore } from './sim/store.js';
import { SimDisksStore } from './sim/disks-store.js';
import { SimStorageDriver } from './sim/sim-storage-driver.js';
import type { StorageDriver } from './storage-driver.js';
import type { NetworkDriver } from './network-driver.js';
import { SimNetworkDriver } from './sim/sim-network-driver.js';
import { SimPublicRoutesStore } from './sim/public-routes-store.js';
import type { DatabaseDriver } from './database-driver.js';
import type { FunctionDriver } from './function-driver.js';
import { simFunctionDriver } from './sim/sim-function-driver.js';
import { SimDatabasesStore } from './sim/databases-store.js';
import { SimDatabaseDriver } from './sim/sim-database-driver.js';
import type { ContainerDriver } from './container-driver.js';
import { SimContainerDriver } from './sim/sim-container-driver.js';
import { assertLinuxHost, optionalToolsWarning } from './linux/preflight.js';
import { LinuxHost } from './linux/linux-host.js';
import { LinuxComputeDriver } from './linux/linux-compute-driver.js';
import { LinuxNetworkDriver } from './linux/linux-network-driver.js';
import { LoadBalancers } from './linux/load-balancers.js';
import { PublicIps } from './linux/public-ips.js';
import { LinuxStorageDriver } from './linux/volumes.js';
import { LinuxDatabaseDriver } from './linux/databases.js';
import { LinuxContainerDriver } from './linux/containers.js';
import { linuxFunctionDriver } from './linux/linux-function-driver.js';
import { reconcileHost, type KnownResources, type ReconcileLog } from './linux/reconcile.js';

export type { KnownResources } from './linux/reconcile.js';

export interface Drivers {
  compute: ComputeDriver;
  storage: StorageDriver;
  network: NetworkDriver;
  database: DatabaseDriver;
  container: ContainerDriver;
  function: FunctionDriver;
  /**
   * Brings the host in line with the database before any action runs (real drivers only). `known`
   * lists what the database holds; the resource modules hand it in, as drivers know no resource.
   */
  reconcile?: (known: Partial<KnownResources>, log: ReconcileLog) => Promise<void>;
  /** Stops background work (metrics sampling, function workers). */
  close?: () => void | Promise<void>;
}

export async function createDrivers(config: Config, database: Database, clock: Clock): Promise<Drivers> {
  const { db } = database;
  switch (config.driver) {
    case 'sim': {
      await migrateSimTables(database);
      const functions = simFunctionDriver();
      return {
        compute: new SimComputeDriver(new SimMachinesStore(db), new SimDisksStore(db), config.simDelayMs, clock),
        storage: new SimStorageDriver(new SimDisksStore(db), config.simDelayMs, clock),
        network: new SimNetworkDriver(new SimPublicRoutesStore(db), config.simDelayMs),
        database: new SimDatabaseDriver(new SimDatabasesStore(db), config.simDelayMs, clock),
        container: new SimContainerDriver(db, config.simDelayMs, clock),
        function: functions,
        close: () => functions.close(),
      };
    }
    case 'linux': {
      assertLinuxHost();
      const host = LinuxHost.open(path.join(config.dataDir, 'linux'));
      host.startSampling();
      const linux = {
        host,
        compute: new LinuxComputeDriver(host, config.shutdownTimeoutMs),
        storage: new LinuxStorageDriver(host),
        balancers: new LoadBalancers(host),
        databases: new LinuxDatabaseDriver(host),
        containers: new LinuxContainerDriver(host),
        publicIps: new PublicIps(host, config.instanceEgress),
      };
      const functions = linuxFunctionDriver(host);
      return {
        compute: linux.compute,
        storage: linux.storage,
        network: new LinuxNetworkDriver(linux.balancers, linux.publicIps),
        // PostgreSQL only: a create of another engine fails with the reason (see docs/linux-driver.md).
        database: linux.databases,
        container: linux.containers,
        function: functions,
        reconcile: (known, log) => {
          const warning = optionalToolsWarning();
          if (warning) log.warn({}, warning);
          return reconcileHost(linux, known, log);
        },
        close: () => {
          host.stopSampling();
          return functions.close();
        },
      };
    }
  }
}
