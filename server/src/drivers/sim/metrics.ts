// Plausible, repeatable metrics: a daily rhythm plus noise seeded by instance and time, so the
// same query gives the same answer and different instances look different.
import { createHash } from 'node:crypto';
import type { MetricSeries, MetricsQuery } from '../compute-driver.js';

export function noise(instanceId: string, series: string, t: number): number {
  const digest = createHash('sha256').update(`${instanceId}:${series}:${t}`).digest();
  return digest.readUInt32BE(0) / 0xffffffff;
}

export function daily(t: number, instanceId: string): number {
  const phase = noise(instanceId, 'phase', 0) * 2 * Math.PI;
  return (Math.sin((2 * Math.PI * t) / 86_400 + phase) + 1) / 2;
}

export const round = (value: number) => Math.round(value * 100) / 100;

/** Builds named series over the query's range; points outside `running` are 0. */
export function seriesOver(query: { start: number; end: number; step: number }, running: (t: number) => boolean) {
  const times: number[] = [];
  for (let t = query.start - (query.start % query.step); t <= query.end; t += query.step) if (t >= query.start) times.push(t);
  return (name: string, unit: string, value: (t: number) => number): MetricSeries => ({
    name,
    unit,
    points: times.map((t) => [t, running(t) ? round(value(t)) : 0]),
  });
}

export function simulatedMetrics(instanceId: string, memoryGb: number, query: MetricsQuery, running: (t: number) => boolean): MetricSeries[] {
  const series = seriesOver(query, running);
  switch (query.type) {
    case 'cpu':
      return [series('cpu_utilization', 'percent', (t) => 5 + 60 * daily(t, instanceId) + 15 * noise(instanceId, 'cpu', t))];
    case 'memory':
      return [series('memory_used', 'gigabytes', (t) => memoryGb * (0.25 + 0.4 * daily(t, instanceId) + 0.1 * noise(instanceId, 'mem', t)))];
    case 'network':
      return [
        series('network_in', 'bytes_per_second', (t) => 50_000 + 2_000_000 * daily(t, instanceId) * noise(instanceId, 'rx', t)),
        series('network_out', 'bytes_per_second', (t) => 20_000 + 800_000 * daily(t, instanceId) * noise(instanceId, 'tx', t)),
      ];
  }
}
