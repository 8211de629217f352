// Containers: create from an uploaded container image (region, image, memory, CPU, network,
// environment and ports as JSON), edit (name, labels), stop, start, restart, delete, live status,
// the tail of stdout and stderr and CPU, memory and network charts on the detail page. Container
// images: list and delete (an upload is an archive: `cloudnexus container-images push`).
import { failureText, v2 } from '../api.js';
import { h } from '../dom.js';
import { metricsSection } from '../kit/metrics-chart.js';
import { fromList, NETWORKS, REGIONS } from '../kit/options.js';
import { deleteAction, type ResourceSpec } from '../kit/spec.js';
import { column, LABELS_FIELD, linkColumn, statusColumn } from './columns.js';
import { editAction } from './edit.js';

const CONTAINER_IMAGES = fromList('/container_images', (i) => `${String(i.name)} — ${String(i.region)} (${i.id})`);
const running = (r: { status?: string }) => r.status === 'running';

interface Logs {
  stdout: string[];
  stderr: string[];
}

/** The last lines the container's process wrote, read once per visit of the detail page. */
function logsSection(path: string): HTMLElement {
  const stdout = h('pre', { class: 'console' }, 'Loading…');
  const stderr = h('pre', { class: 'console' });
  v2<Logs>('GET', `${path}?tail=200`).then(
    (logs) => {
      stdout.textContent = logs.stdout.join('\n') || '(nothing yet)';
      stderr.textContent = logs.stderr.join('\n') || '(nothing yet)';
    },
    (error: unknown) => (stdout.textContent = `Could not load the logs: ${failureText(error)}`),
  );
  return h('section', { class: 'card' }, h('h2', {}, 'Logs'), h('h3', {}, 'stdout'), stdout, h('h3', {}, 'stderr'), stderr);
}

export const CONTAINERS_PAGE: ResourceSpec = {
  route: 'containers',
  path: '/containers',
  title: 'Containers',
  singular: 'Container',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), linkColumn('Image', 'image_id'), column('IPv4', 'ipv4'), linkColumn('Network', 'network_id')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'label_selector', label: 'Label selector' },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'region', label: 'Region', kind: 'select', required: true, choices: REGIONS },
    { name: 'image_id', label: 'Container image', kind: 'select', required: true, choices: CONTAINER_IMAGES, hint: 'Upload one with `cloudnexus container-images push ./image.tar`' },
    { name: 'memory_mb', label: 'Memory (MiB)', kind: 'number', required: true },
    { name: 'cpu', label: 'CPU (vCPUs)', kind: 'number', required: true, hint: 'e.g. 0.5' },
    { name: 'network_id', label: 'Network', kind: 'select', choices: NETWORKS, hint: "Default: the region's default network" },
    { name: 'command', label: 'Command (JSON array)', kind: 'json', hint: 'Default: the image\'s Entrypoint and Cmd, e.g. ["/bin/app", "--port", "8080"]' },
    { name: 'environment', label: 'Environment (JSON object)', kind: 'json', hint: 'e.g. {"MODE": "production"}' },
    { name: 'ports', label: 'Ports (JSON)', kind: 'json', hint: 'e.g. [{"container_port": 8080, "protocol": "tcp"}]' },
    LABELS_FIELD,
  ],
  transitional: ['provisioning', 'restarting', 'deleting'],
  actions: [
    { ...editAction({ name: true, labelled: true }), when: (r) => r.status !== 'deleting' },
    { label: 'Restart', method: 'PUT', path: '/restart', when: running },
    { label: 'Stop', method: 'PUT', path: '/stop', when: running, confirm: (r) => `Stop container ${String(r.name)}? Its process gets SIGTERM, then SIGKILL.` },
    { label: 'Start', method: 'PUT', path: '/start', when: (r) => r.status === 'stopped' },
    { ...deleteAction('container'), when: (r) => r.status === 'running' || r.status === 'stopped' },
  ],
  sections: (row, alive) => [logsSection(`/containers/${encodeURIComponent(row.id)}/logs`), metricsSection(`/containers/${encodeURIComponent(row.id)}/metrics`, ['cpu', 'memory', 'network'], alive)],
};

export const CONTAINER_IMAGES_PAGE: ResourceSpec = {
  route: 'container-images',
  path: '/container_images',
  title: 'Container images',
  singular: 'Container image',
  columns: [
    column('Name', 'name'),
    column('Region', 'region'),
    column('Layers', 'layers'),
    { label: 'Size', cell: (r) => `${(Number(r.size_bytes) / 1024 / 1024).toFixed(1)} MiB` },
    column('Digest', 'digest'),
  ],
  filters: [{ name: 'region', label: 'Region', choices: REGIONS }],
  // Images in use by a container cannot go: the server answers 409 and the page says so.
  actions: [deleteAction('container image')],
};
