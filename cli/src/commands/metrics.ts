// `<resource> metrics <id> --type …`: one metric over a time range, as a table of points for a
// person and in the API's shape for machines. Instances and containers share the metric types.
import type { CloudNexus } from '@cloudnexus/sdk';
import { Command, Option } from 'commander';
import { client, outputFormat, printList, printRecord } from '../context.js';
import { columns } from '../output/table.js';

const METRIC_COLUMNS = columns('series', 'timestamp', 'value', 'unit');
const METRIC_TYPES = ['cpu', 'memory', 'network'] as const;

export type MetricType = (typeof METRIC_TYPES)[number];

interface MetricsOptions {
  type: MetricType;
  start?: string;
  end?: string;
  step?: string;
}

interface Series {
  name: string;
  unit: string;
  points: { timestamp: string; value: number }[];
}

export interface MetricsQuery {
  type: MetricType;
  start?: string;
  end?: string;
  step?: number;
}

export function metricsCommand(group: Command, spec: { noun: string; metrics: (sdk: CloudNexus, id: string, query: MetricsQuery) => Promise<{ series: Series[] }> }): void {
  group
    .command('metrics')
    .description('CPU, memory or network metrics over a time range')
    .argument('<id>', `${spec.noun} id`)
    .addOption(new Option('--type <type>', 'which metric').choices(METRIC_TYPES).makeOptionMandatory())
    .option('--start <time>', 'ISO-8601 start; default one hour before the end')
    .option('--end <time>', 'ISO-8601 end; default now')
    .option('--step <seconds>', 'seconds between points (10-86400)')
    .action(async (id: string, options: MetricsOptions, command: Command) => {
      const metrics = await spec.metrics(client(command), id, {
        type: options.type,
        ...(options.start ? { start: options.start } : {}),
        ...(options.end ? { end: options.end } : {}),
        ...(options.step ? { step: Number(options.step) } : {}),
      });
      // A table of every point is what a person wants to read; machines get the API's shape.
      if (outputFormat(command) !== 'table') {
        printRecord(command, metrics);
        return;
      }
      const rows = metrics.series.flatMap((series) => series.points.map((point) => ({ series: series.name, unit: series.unit, ...point })));
      printList(command, rows, METRIC_COLUMNS);
    });
}
