// Instance types. Prices are in USD.
export interface Plan {
  id: string;
  description: string;
  cpu: number;
  memory_gb: number;
  disk_gb: number;
  price_hourly: number;
  price_monthly: number;
}

const HOURS_PER_MONTH = 730;

const plan = (id: string, description: string, cpu: number, memoryGb: number, diskGb: number, priceHourly: number): Plan => ({
  id,
  description,
  cpu,
  memory_gb: memoryGb,
  disk_gb: diskGb,
  price_hourly: priceHourly,
  price_monthly: Math.round(priceHourly * HOURS_PER_MONTH * 100) / 100,
});

export const PLANS: readonly Plan[] = [
  plan('micro', 'Shared vCPU for small workloads', 1, 1, 25, 0.0075),
  plan('small-2', 'Shared vCPUs for light services', 2, 2, 50, 0.015),
  plan('standard-2', 'General purpose', 2, 8, 80, 0.045),
  plan('standard-4', 'General purpose', 4, 16, 160, 0.09),
  plan('standard-8', 'General purpose', 8, 32, 320, 0.18),
  plan('standard-16', 'General purpose', 16, 64, 640, 0.36),
  plan('cpu-4', 'Compute optimized', 4, 8, 100, 0.11),
  plan('cpu-8', 'Compute optimized', 8, 16, 200, 0.22),
  plan('cpu-16', 'Compute optimized', 16, 32, 400, 0.44),
  plan('memory-16', 'Memory optimized', 2, 16, 100, 0.105),
  plan('memory-32', 'Memory optimized', 4, 32, 200, 0.21),
  plan('memory-64', 'Memory optimized', 8, 64, 400, 0.42),
];
