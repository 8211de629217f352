// Managed database engines, their supported versions and plans. Prices are in USD.
export interface DatabasePlan {
  id: string;
  description: string;
  cpu: number;
  memory_gb: number;
  storage_gb: number;
  price_hourly: number;
  price_monthly: number;
}

export interface DatabaseEngine {
  id: 'postgres' | 'mysql' | 'redis';
  name: string;
  versions: string[];
  default_version: string;
  /** The port clients connect to. */
  port: number;
  /** The user and database a new database starts with. */
  admin_user: string;
  database_name: string;
  plans: DatabasePlan[];
}

const HOURS_PER_MONTH = 730;

const plan = (id: string, description: string, cpu: number, memoryGb: number, storageGb: number, priceHourly: number): DatabasePlan => ({
  id,
  description,
  cpu,
  memory_gb: memoryGb,
  storage_gb: storageGb,
  price_hourly: priceHourly,
  // Per node: a three-node database costs three times this.
  price_monthly: Math.round(priceHourly * HOURS_PER_MONTH * 100) / 100,
});

const SQL_PLANS = [
  plan('db-s-1vcpu-1gb', 'Shared vCPU for development', 1, 1, 10, 0.022),
  plan('db-s-2vcpu-4gb', 'Shared vCPUs for small services', 2, 4, 38, 0.082),
  plan('db-g-2vcpu-8gb', 'General purpose', 2, 8, 80, 0.17),
  plan('db-g-4vcpu-16gb', 'General purpose', 4, 16, 160, 0.34),
  plan('db-g-8vcpu-32gb', 'General purpose', 8, 32, 320, 0.68),
];

const CACHE_PLANS = [
  plan('db-m-1vcpu-2gb', 'Memory optimized for caches', 1, 2, 4, 0.03),
  plan('db-m-2vcpu-8gb', 'Memory optimized for caches', 2, 8, 16, 0.12),
  plan('db-m-4vcpu-32gb', 'Memory optimized for caches', 4, 32, 64, 0.47),
];

export const DATABASE_ENGINES: readonly DatabaseEngine[] = [
  { id: 'postgres', name: 'PostgreSQL', versions: ['14', '15', '16', '17'], default_version: '17', port: 5432, admin_user: 'cnxadmin', database_name: 'defaultdb', plans: SQL_PLANS },
  { id: 'mysql', name: 'MySQL', versions: ['8.0', '8.4'], default_version: '8.4', port: 3306, admin_user: 'cnxadmin', database_name: 'defaultdb', plans: SQL_PLANS },
  { id: 'redis', name: 'Redis', versions: ['7.2'], default_version: '7.2', port: 6379, admin_user: 'default', database_name: '0', plans: CACHE_PLANS },
];
