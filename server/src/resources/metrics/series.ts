// Metric time ranges and series, shared by every resource with a /metrics route: the range a query
// asks for (checked), and the driver's series in API form.
import { apiTime, type Clock } from '../../clock.js';
import type { MetricSeries } from '../../drivers/compute-driver.js';
import { validationFailed } from '../../errors/catalog.js';

const MAX_METRIC_POINTS = 1440;
const DEFAULT_STEP = 60;
const DEFAULT_SPAN_SECONDS = 3600;

export interface MetricsRangeQuery {
  start?: string;
  end?: string;
  step?: number;
}

export interface MetricsRange {
  /** Unix seconds. */
  start: number;
  end: number;
  step: number;
}

/** The range to fetch: the query's, else the hour up to now; 422 when reversed or too many points. */
export function metricsRange(query: MetricsRangeQuery, clock: Clock): MetricsRange {
  const step = query.step ?? DEFAULT_STEP;
  const end = query.end ? Date.parse(query.end) / 1000 : Math.floor(clock() / 1000);
  const start = query.start ? Date.parse(query.start) / 1000 : end - DEFAULT_SPAN_SECONDS;
  if (start >= end) throw validationFailed([{ field: 'start', message: 'Must be before end' }]);
  if ((end - start) / step > MAX_METRIC_POINTS) {
    throw validationFailed([{ field: 'step', message: `The range holds more than ${MAX_METRIC_POINTS} points; use a larger step` }]);
  }
  return { start: Math.floor(start), end: Math.floor(end), step };
}

const iso = (seconds: number) => apiTime(new Date(seconds * 1000).toISOString());

/** The range and series as the API shows them. */
export function presentMetrics(range: MetricsRange, series: MetricSeries[]) {
  return {
    start: iso(range.start),
    end: iso(range.end),
    step: range.step,
    series: series.map((s) => ({ name: s.name, unit: s.unit, points: s.points.map(([t, value]) => ({ timestamp: iso(t), value })) })),
  };
}
