// Functions: create from a few files, edit (name, labels; no new version), deploy a new version, invoke with a JSON event (the outcome
// shown once), delete, live deploy status, and the invocations on the detail page.
import type { Field } from '../kit/fields.js';
import { fromList, REGIONS } from '../kit/options.js';
import { deleteAction, type ResourceSpec, type Row } from '../kit/spec.js';
import { subList } from '../kit/sub-list.js';
import { column, LABELS_FIELD, statusColumn, timeColumn } from './columns.js';
import { editAction } from './edit.js';

const RUNTIMES = fromList('/function_runtimes', (r) => `${r.id} (${String(r.version)})`);
const settled = (r: Row) => r.status === 'active' || r.status === 'errored';

/** What a deploy sets: the create's and a new version's form alike. */
const deployFields = (r: Partial<Row> = {}): Field[] => [
  { name: 'runtime', label: 'Runtime', kind: 'select', required: true, choices: RUNTIMES, initial: typeof r.runtime === 'string' ? r.runtime : undefined },
  { name: 'handler', label: 'Handler', kind: 'text', required: true, hint: 'index.handler (index.js) or main.handler (main.py)', initial: typeof r.handler === 'string' ? r.handler : undefined },
  { name: 'files', label: 'Files (JSON: path → content)', kind: 'json', required: true, hint: '{"index.js": "exports.handler = async (event) => ({ hello: event.name });"}' },
  { name: 'memory_mb', label: 'Memory (MB)', kind: 'number', hint: '128 to 2048, default 256', initial: r.memory_mb === undefined ? undefined : String(r.memory_mb) },
  { name: 'timeout_s', label: 'Timeout (s)', kind: 'number', hint: '1 to 300, default 30', initial: r.timeout_s === undefined ? undefined : String(r.timeout_s) },
  { name: 'environment', label: 'Environment (JSON)', kind: 'json', hint: 'Write-only: values are never shown again' },
];

export const FUNCTIONS_PAGE: ResourceSpec = {
  route: 'functions',
  path: '/functions',
  title: 'Functions',
  singular: 'Function',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), column('Runtime', 'runtime'), column('Version', 'version'), column('Memory (MB)', 'memory_mb'), column('Error', 'error')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'label_selector', label: 'Label selector' },
  ],
  create: [{ name: 'name', label: 'Name', kind: 'text', required: true }, { name: 'region', label: 'Region', kind: 'select', required: true, choices: REGIONS }, ...deployFields(), LABELS_FIELD],
  transitional: ['deploying', 'deleting'],
  actions: [
    {
      label: 'Invoke',
      method: 'POST',
      path: '/invoke',
      when: (r) => r.status === 'active',
      fields: [{ name: 'event', label: 'Event (JSON)', kind: 'json', initial: '{}' }],
      body: (_row, values) => (values.event ?? {}) as Record<string, unknown>,
      showsResult: true,
    },
    { ...editAction({ name: true, labelled: true }), when: (r) => r.status !== 'deleting' },
    { label: 'Deploy new version', method: 'PUT', path: '', when: settled, fields: (r) => deployFields(r) },
    { ...deleteAction('function'), when: settled },
  ],
  sections: (row) => [
    subList({
      title: 'Invocations',
      path: `/functions/${encodeURIComponent(row.id)}/invocations`,
      columns: [column('ID', 'id'), column('Version', 'version'), statusColumn, column('Duration (ms)', 'duration_ms'), column('Billed (ms)', 'billed_ms'), timeColumn('Started', 'created_at')],
    }),
  ],
};
