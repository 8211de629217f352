// Instances: create (region, plan, image, network), restart/stop/start/resize/delete, live status,
// and CPU, memory and network charts on the detail page.
import { deleteAction, type ResourceSpec } from '../kit/spec.js';
import { metricsSection } from '../kit/metrics-chart.js';
import { fixed, IMAGES, NETWORKS, PLANS, REGIONS } from '../kit/options.js';
import { column, LABELS_FIELD, linkColumn, statusColumn } from './columns.js';

const running = (r: { status?: string }) => r.status === 'running';

export const INSTANCES_PAGE: ResourceSpec = {
  route: 'instances',
  path: '/instances',
  title: 'Instances',
  singular: 'Instance',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), column('Plan', 'plan'), column('IPv4', 'ipv4'), linkColumn('Network', 'network_id')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'status', label: 'Status', choices: fixed('provisioning', 'running', 'stopped', 'rebooting', 'resizing', 'rebuilding', 'deleting') },
    { name: 'name', label: 'Name' },
    { name: 'label_selector', label: 'Label selector' },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'region', label: 'Region', kind: 'select', required: true, choices: REGIONS },
    { name: 'plan', label: 'Plan', kind: 'select', required: true, choices: PLANS },
    { name: 'image', label: 'Image', kind: 'select', required: true, choices: IMAGES },
    { name: 'network_id', label: 'Network', kind: 'select', choices: NETWORKS, hint: 'Default: the region\'s default network' },
    { name: 'ssh_keys', label: 'SSH key ids', kind: 'list', hint: 'Comma-separated' },
    { name: 'user_data', label: 'User data (base64 cloud-init)', kind: 'text' },
    LABELS_FIELD,
  ],
  transitional: ['provisioning', 'rebooting', 'resizing', 'rebuilding', 'deleting'],
  actions: [
    { label: 'Restart', method: 'PUT', path: '/restart', when: running },
    { label: 'Stop', method: 'PUT', path: '/stop', when: running, confirm: (r) => `Stop instance ${String(r.name)}? It stops serving until started.` },
    { label: 'Start', method: 'PUT', path: '/start', when: (r) => r.status === 'stopped' },
    { label: 'Resize', method: 'PUT', path: '/resize', when: (r) => r.status === 'running' || r.status === 'stopped', fields: [{ name: 'plan', label: 'New plan', kind: 'select', required: true, choices: PLANS }] },
    { ...deleteAction('instance'), when: (r) => r.status !== 'deleting' },
  ],
  sections: (row, alive) => [metricsSection(`/instances/${encodeURIComponent(row.id)}/metrics`, ['cpu', 'memory', 'network'], alive)],
};
