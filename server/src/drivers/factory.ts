// Picks the drivers named by the configuration.
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

export function createStorageDriver(config: Config, db: Db, clock: Clock): StorageDriver {
  switch (config.driver) {
    case 'sim':
      return new SimStorageDriver(new SimDisksStore(db), config.simDelayMs, clock);
  }
}

export function createNetworkDriver(config: Config): NetworkDriver {
  switch (config.driver) {
    case 'sim':
      return new SimNetworkDriver(config.simDelayMs);
  }
}

export function createComputeDriver(config: Config, db: Db, clock: Clock): ComputeDriver {
  switch (config.driver) {
    case 'sim':
      return new SimComputeDriver(new SimMachinesStore(db), config.simDelayMs, clock);
  }
}

export function createDatabaseDriver(config: Config, db: Db, clock: Clock): DatabaseDriver {
  switch (config.driver) {
    case 'sim':
      return new SimDatabaseDriver(new SimDatabasesStore(db), config.simDelayMs, clock);
  }
}
