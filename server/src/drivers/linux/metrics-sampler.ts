// Real metrics: every few seconds each running environment's cgroup (CPU time, memory) and eth0
// counters are sampled into a ring kept in memory; a query turns consecutive samples into rates.
import type { MetricSeries, MetricsQuery } from '../compute-driver.js';

export interface Sample {
  /** Unix seconds. */
  t: number;
  cpuUsec: number;
  memoryBytes: number;
  rxBytes: number;
  txBytes: number;
  cpus: number;
}

export const SAMPLE_EVERY_SECONDS = 10;
const KEEP = (24 * 3600) / SAMPLE_EVERY_SECONDS;
const GIB = 1024 ** 3;
const round = (value: number) => Math.round(value * 100) / 100;

export class MetricsSampler {
  private readonly samples = new Map<string, Sample[]>();

  record(id: string, sample: Sample): void {
    const ring = this.samples.get(id) ?? [];
    ring.push(sample);
    if (ring.length > KEEP) ring.shift();
    this.samples.set(id, ring);
  }

  forget(id: string): void {
    this.samples.delete(id);
  }

  series(id: string, query: MetricsQuery): MetricSeries[] {
    const ring = this.samples.get(id) ?? [];
    const times: number[] = [];
    for (let t = query.start - (query.start % query.step); t <= query.end; t += query.step) if (t >= query.start) times.push(t);
    /** The last two samples at or before t, if the newer one is recent enough to describe t. */
    const around = (t: number): [Sample, Sample] | null => {
      let index = -1;
      for (let i = ring.length - 1; i >= 0; i--) if ((ring[i] as Sample).t <= t) { index = i; break; }
      if (index < 1 || t - (ring[index] as Sample).t > Math.max(query.step, 2 * SAMPLE_EVERY_SECONDS)) return null;
      return [ring[index - 1] as Sample, ring[index] as Sample];
    };
    const series = (name: string, unit: string, value: (before: Sample, after: Sample) => number): MetricSeries => ({
      name,
      unit,
      points: times.map((t) => {
        const pair = around(t);
        return [t, pair ? round(Math.max(0, value(...pair))) : 0];
      }),
    });
    const rate = (before: Sample, after: Sample, key: 'rxBytes' | 'txBytes') => (after[key] - before[key]) / Math.max(1, after.t - before.t);
    switch (query.type) {
      case 'cpu':
        return [series('cpu_utilization', 'percent', (b, a) => ((a.cpuUsec - b.cpuUsec) / (Math.max(1, a.t - b.t) * 1e6 * a.cpus)) * 100)];
      case 'memory':
        return [series('memory_used', 'gigabytes', (_, a) => a.memoryBytes / GIB)];
      case 'network':
        return [series('network_in', 'bytes_per_second', (b, a) => rate(b, a, 'rxBytes')), series('network_out', 'bytes_per_second', (b, a) => rate(b, a, 'txBytes'))];
    }
  }
}
