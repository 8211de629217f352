// Instances: create (region, plan, image, network), edit (name, labels, protection), the power
// operations, resize, snapshot into a custom image, rebuild, delete, live status, and CPU, memory
// and network charts on the detail page. Custom images: list (OS and custom), delete.
import { deleteAction, type ResourceSpec } from '../kit/spec.js';
import { metricsSection } from '../kit/metrics-chart.js';
import { fixed, IMAGES, NETWORKS, PLANS, REGIONS } from '../kit/options.js';
import { column, LABELS_FIELD, linkColumn, statusColumn } from './columns.js';
import { editAction } from './edit.js';

const running = (r: { status?: string }) => r.status === 'running';
const runningOrStopped = (r: { status?: string }) => r.status === 'running' || r.status === 'stopped';

export const INSTANCES_PAGE: ResourceSpec = {
  route: 'instances',
  path: '/instances',
  title: 'Instances',
  singular: 'Instance',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), column('Plan', 'plan'), column('Image', 'image'), column('IPv4', 'ipv4'), linkColumn('Network', 'network_id')],
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
    { ...editAction({ name: true, labelled: true, protection: ['delete', 'rebuild'] }), when: (r) => r.status !== 'deleting' },
    { label: 'Restart', method: 'PUT', path: '/restart', when: running },
    { label: 'Shut down', method: 'PUT', path: '/shutdown', when: running, confirm: (r) => `Shut down instance ${String(r.name)}? Its processes are asked to stop, then it powers off.` },
    { label: 'Stop', method: 'PUT', path: '/stop', when: running, confirm: (r) => `Power off instance ${String(r.name)}? It stops at once, without a clean shutdown.` },
    { label: 'Power cycle', method: 'PUT', path: '/power_cycle', when: running, confirm: (r) => `Power cycle instance ${String(r.name)}? It powers off and on again, without a clean shutdown.` },
    { label: 'Start', method: 'PUT', path: '/start', when: (r) => r.status === 'stopped' },
    { label: 'Resize', method: 'PUT', path: '/resize', when: runningOrStopped, fields: [{ name: 'plan', label: 'New plan', kind: 'select', required: true, choices: PLANS }] },
    {
      label: 'Snapshot',
      method: 'POST',
      path: '/snapshot',
      when: runningOrStopped,
      creates: 'images',
      createdId: (answer) => String(answer.image_id),
      fields: [
        { name: 'name', label: 'Image name', kind: 'text', required: true },
        { name: 'crash_consistent', label: 'Crash-consistent (needed while running)', kind: 'checkbox', hint: 'A running instance is copied as if it lost power; stop it first for a clean image' },
      ],
    },
    {
      label: 'Rebuild',
      method: 'PUT',
      path: '/rebuild',
      when: runningOrStopped,
      confirm: (r) => `Rebuild instance ${String(r.name)}? Its disk is replaced by a fresh image; the id and address stay.`,
      fields: [{ name: 'image', label: 'Image', kind: 'select', required: true, choices: IMAGES }],
    },
    { ...deleteAction('instance'), when: (r) => r.status !== 'deleting' },
  ],
  sections: (row, alive) => [metricsSection(`/instances/${encodeURIComponent(row.id)}/metrics`, ['cpu', 'memory', 'network'], alive)],
};

export const IMAGES_PAGE: ResourceSpec = {
  route: 'images',
  path: '/images',
  title: 'Images',
  singular: 'Image',
  columns: [column('Name', 'name'), column('Type', 'type'), statusColumn, column('Region', 'region'), { label: 'Size', cell: (r) => (r.size_gb === null || r.size_gb === undefined ? '—' : `${String(r.size_gb)} GB`) }, linkColumn('From instance', 'source_instance_id')],
  filters: [{ name: 'type', label: 'Type', choices: fixed('os', 'custom') }],
  transitional: ['creating', 'deleting'],
  // OS images belong to the catalog; only your own snapshots can be deleted.
  actions: [{ ...deleteAction('image'), when: (r) => r.type === 'custom' && r.status !== 'creating' && r.status !== 'deleting' }],
};
