import YAML from 'yaml';
import { type Column, formatRecord, formatTable } from './table.js';

export const FORMATS = ['table', 'json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** People at a terminal get a table; pipes and scripts get JSON they can parse. */
export function defaultFormat(stdout: { isTTY?: boolean } = process.stdout): Format {
  return stdout.isTTY ? 'table' : 'json';
}

/** A list, shown as rows under `columns` in table format. */
export function renderList(items: object[], format: Format, cols: Column[]): string {
  if (format === 'table') return items.length ? formatTable(items as Record<string, unknown>[], cols) : 'No results.';
  return renderData(items, format);
}

/** One resource, shown as aligned `key value` lines in table format. */
export function renderRecord(record: object, format: Format): string {
  if (format === 'table') return formatRecord(record as Record<string, unknown>);
  return renderData(record, format);
}

function renderData(value: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? JSON.stringify(value, null, 2) : YAML.stringify(value).trimEnd();
}
