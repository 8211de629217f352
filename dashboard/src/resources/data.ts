// Backup policies, managed databases (resize, reset password, metrics charts, users, backups) and
// webhooks (the signing secret shown once, a test delivery, the deliveries).
import { deleteAction, type ResourceSpec, type Row } from '../kit/spec.js';
import type { Field } from '../kit/fields.js';
import { metricsSection } from '../kit/metrics-chart.js';
import { subList } from '../kit/sub-list.js';
import { v2, type Page } from '../api.js';
import { fixed, fromList, NETWORKS, REGIONS, type Choice } from '../kit/options.js';
import { column, LABELS_FIELD, statusColumn, timeColumn } from './columns.js';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

const policyFields = (r: Partial<Row> = {}, required = true): Field[] => [
  { name: 'name', label: 'Name', kind: 'text', required, initial: str(r.name) },
  { name: 'schedule', label: 'Schedule (cron, UTC)', kind: 'text', required, hint: 'Five fields, e.g. 0 3 * * *', initial: str(r.schedule) },
  { name: 'retention_count', label: 'Snapshots kept', kind: 'number', required, initial: r.retention_count === undefined ? undefined : String(r.retention_count) },
  { name: 'volume_ids', label: 'Volume ids', kind: 'list', hint: 'Comma-separated; or a label selector', initial: Array.isArray(r.volume_ids) ? r.volume_ids.join(', ') : undefined },
  { name: 'label_selector', label: 'Volume label selector', kind: 'text', initial: str(r.label_selector) },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: r.enabled === false ? 'false' : 'true' },
];

export const BACKUP_POLICIES_PAGE: ResourceSpec = {
  route: 'backup-policies',
  path: '/backup_policies',
  title: 'Backup policies',
  singular: 'Backup policy',
  columns: [column('Name', 'name'), column('Schedule', 'schedule'), column('Kept', 'retention_count'), { label: 'Enabled', cell: (r) => (r.enabled ? 'yes' : 'no') }, column('Next run', 'next_run_at')],
  create: policyFields(),
  actions: [{ label: 'Edit', method: 'PUT', path: '', fields: (r) => policyFields(r, false) }, deleteAction('backup policy')],
};

const ENGINES = fromList('/database_engines', (e) => `${String(e.name ?? e.id)} (${e.id})`);

interface Engine {
  id: string;
  plans: { id: string; description: string }[];
}

/** Every engine's plans, once each, labelled with the engines that offer them. */
async function databasePlans(): Promise<Choice[]> {
  const engines = await v2<Page<Engine>>('GET', '/database_engines?limit=100');
  const plans = new Map<string, { description: string; engines: string[] }>();
  for (const engine of engines.data) {
    for (const p of engine.plans) {
      const entry = plans.get(p.id) ?? { description: p.description, engines: [] };
      entry.engines.push(engine.id);
      plans.set(p.id, entry);
    }
  }
  return [...plans].map(([id, p]) => ({ value: id, label: `${id} — ${p.description} (${p.engines.join(', ')})` }));
}

export const DATABASES_PAGE: ResourceSpec = {
  route: 'databases',
  path: '/databases',
  title: 'Databases',
  singular: 'Database',
  columns: [column('Name', 'name'), statusColumn, column('Engine', 'engine'), column('Version', 'version'), column('Plan', 'plan'), column('Nodes', 'node_count'), column('Region', 'region')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'engine', label: 'Engine', choices: fixed('postgres', 'mysql', 'redis') },
    { name: 'network_id', label: 'Network', choices: NETWORKS },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'engine', label: 'Engine', kind: 'select', choices: ENGINES, hint: 'Required unless restoring' },
    { name: 'version', label: 'Version', kind: 'text', hint: 'Default: the engine\'s default version' },
    { name: 'plan', label: 'Plan', kind: 'select', required: true, choices: databasePlans, hint: 'One the engine offers' },
    { name: 'region', label: 'Region', kind: 'select', choices: REGIONS, hint: 'Required unless restoring' },
    { name: 'network_id', label: 'Network', kind: 'select', choices: NETWORKS },
    { name: 'node_count', label: 'Nodes', kind: 'number', hint: '1 to 3' },
    LABELS_FIELD,
  ],
  transitional: ['provisioning', 'resizing', 'deleting'],
  actions: [
    {
      label: 'Resize',
      method: 'PUT',
      path: '/resize',
      when: (r) => r.status === 'online',
      fields: (r) => [
        { name: 'plan', label: 'Plan', kind: 'select', choices: databasePlans, hint: 'Storage only grows', initial: str(r.plan) },
        { name: 'node_count', label: 'Nodes', kind: 'number', initial: String(r.node_count) },
      ],
    },
    { label: 'Reset password', method: 'PUT', path: '/reset_password', when: (r) => r.status === 'online', showsResult: true, confirm: (r) => `Reset the password of ${String(r.name)}? Clients using the old one are cut off.` },
    { ...deleteAction('database'), when: (r) => r.status !== 'deleting' },
  ],
  sections: (row, alive) => {
    const base = `/databases/${encodeURIComponent(row.id)}`;
    return [
      metricsSection(`${base}/metrics`, ['cpu', 'connections', 'storage'], alive),
      subList({
        title: 'Users',
        path: `${base}/users`,
        key: 'name',
        columns: [column('Name', 'name'), column('Role', 'role'), statusColumn, timeColumn('Created', 'created_at')],
        create: { label: 'Add user', fields: [{ name: 'name', label: 'User name', kind: 'text', required: true }] },
        confirmDelete: (u) => `Delete database user ${String(u.name)}? Its connections are cut off.`,
      }),
      subList({ title: 'Backups', path: `${base}/backups`, columns: [column('ID', 'id'), statusColumn, column('Size (MB)', 'size_mb'), timeColumn('Taken', 'created_at')] }),
    ];
  },
};

const webhookFields = (r: Partial<Row> = {}, required = true): Field[] => [
  { name: 'url', label: 'URL', kind: 'text', required, hint: 'https:// on a public address', initial: str(r.url) },
  { name: 'event_types', label: 'Event types', kind: 'list', required, hint: 'Comma-separated: instance.created, volume.*, *', initial: Array.isArray(r.event_types) ? r.event_types.join(', ') : undefined },
  { name: 'description', label: 'Description', kind: 'text', initial: str(r.description) },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox', initial: r.status === 'disabled' ? 'false' : 'true' },
];

export const WEBHOOKS_PAGE: ResourceSpec = {
  route: 'webhooks',
  path: '/webhooks',
  title: 'Webhooks',
  singular: 'Webhook',
  columns: [column('URL', 'url'), statusColumn, { label: 'Events', cell: (r) => (Array.isArray(r.event_types) ? r.event_types.join(', ') : '—') }, column('Description', 'description')],
  create: webhookFields(),
  createShowsResult: true,
  actions: [
    { label: 'Send test', method: 'POST', path: '/test', when: (r) => r.status === 'enabled' },
    { label: 'Edit', method: 'PUT', path: '', fields: (r) => webhookFields(r, false) },
    deleteAction('webhook'),
  ],
  sections: (row) => [
    subList({
      title: 'Deliveries',
      path: `/webhooks/${encodeURIComponent(row.id)}/deliveries`,
      columns: [column('Event', 'event_id'), column('Attempt', 'attempt'), statusColumn, column('HTTP status', 'response_status'), column('Error', 'error'), timeColumn('Attempted', 'attempted_at')],
    }),
  ],
};

