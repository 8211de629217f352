// Picks the compute driver named by the configuration.
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { ComputeDriver } from './compute-driver.js';
import { SimComputeDriver } from './sim/sim-compute-driver.js';
import { SimMachinesStore } from './sim/store.js';

export function createComputeDriver(config: Config, db: Db, clock: Clock): ComputeDriver {
  switch (config.driver) {
    case 'sim':
      return new SimComputeDriver(new SimMachinesStore(db), config.simDelayMs, clock);
  }
}
