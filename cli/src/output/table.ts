/** One column of a table: its header and the field of each row it shows. */
export interface Column {
  header: string;
  field: string;
}

/** Columns named after the fields they show: `id` becomes `ID`, `created_at` `CREATED AT`. */
export function columns(...fields: string[]): Column[] {
  return fields.map((field) => ({ header: field.replace(/_/g, ' ').toUpperCase(), field }));
}

/** Renders one cell: empty values as `-` so columns never collapse, labels as `k=v`. */
export function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (Array.isArray(value)) return value.length ? value.map(cell).join(',') : '-';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.map(([key, inner]) => `${key}=${cell(inner)}`).join(',') : '-';
  }
  return String(value);
}

/** Left-aligned columns separated by two spaces, header first, like kubectl and gh. */
export function formatTable(rows: Record<string, unknown>[], cols: Column[]): string {
  const grid = [cols.map((col) => col.header), ...rows.map((row) => cols.map((col) => cell(row[col.field])))];
  const widths = cols.map((_, index) => Math.max(...grid.map((line) => line[index]!.length)));
  return grid
    .map((line) => line.map((text, index) => (index === line.length - 1 ? text : text.padEnd(widths[index]!))).join('  '))
    .join('\n');
}

/** A single resource as `key  value` lines, the keys aligned. */
export function formatRecord(record: Record<string, unknown>): string {
  const width = Math.max(...Object.keys(record).map((key) => key.length));
  return Object.entries(record)
    .map(([key, value]) => `${key.padEnd(width)}  ${cell(value)}`)
    .join('\n');
}
