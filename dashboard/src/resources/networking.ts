// VPCs (create, rename, labels, delete), the networks inside them (create, edit, delete), and
// reserved IPs (create in a region, assign to an instance, unassign, labels, delete).
import { deleteAction, type ResourceSpec } from '../kit/spec.js';
import { fixed, INSTANCES, REGIONS, VPCS } from '../kit/options.js';
import { column, LABELS_FIELD, linkColumn, statusColumn, text } from './columns.js';
import { editAction } from './edit.js';

export const VPCS_PAGE: ResourceSpec = {
  route: 'vpcs',
  path: '/vpcs',
  title: 'VPCs',
  singular: 'VPC',
  columns: [column('Name', 'name'), column('Region', 'region'), column('IP range', 'ip_range'), { label: 'Default', cell: (r) => (r.default ? 'yes' : 'no') }],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'label_selector', label: 'Label selector' },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'region', label: 'Region', kind: 'select', required: true, choices: REGIONS },
    { name: 'ip_range', label: 'IP range', kind: 'text', required: true, hint: 'An RFC 1918 block from /16 to /24, e.g. 10.20.0.0/16' },
    { name: 'description', label: 'Description', kind: 'text' },
    LABELS_FIELD,
  ],
  actions: [
    {
      label: 'Edit',
      method: 'PUT',
      path: '',
      fields: (r) => [
        { name: 'name', label: 'Name', kind: 'text', initial: text(r.name) },
        { name: 'description', label: 'Description', kind: 'text', initial: typeof r.description === 'string' ? r.description : '' },
      ],
    },
    editAction({ label: 'Edit labels', labelled: true }),
    { ...deleteAction('VPC'), when: (r) => !r.default },
  ],
};

export const NETWORKS_PAGE: ResourceSpec = {
  route: 'networks',
  path: '/networks',
  title: 'Networks',
  singular: 'Network',
  // Networks have no lifecycle: they are usable as soon as they exist.
  columns: [column('Name', 'name'), column('Environment', 'environment'), column('Region', 'region'), column('IP range', 'ip_range'), linkColumn('VPC', 'vpc_id'), { label: 'Default', cell: (r) => (r.default ? 'yes' : 'no') }],
  filters: [
    { name: 'vpc_id', label: 'VPC', choices: VPCS },
    { name: 'environment', label: 'Environment', choices: fixed('production', 'staging', 'development') },
    { name: 'region', label: 'Region', choices: REGIONS },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'vpc_id', label: 'VPC', kind: 'select', required: true, choices: VPCS },
    { name: 'ip_range', label: 'IP range', kind: 'text', required: true, hint: 'Inside the VPC\'s range, e.g. 10.20.1.0/24' },
    { name: 'environment', label: 'Environment', kind: 'select', required: true, choices: fixed('production', 'staging', 'development') },
    LABELS_FIELD,
  ],
  actions: [editAction({ name: true, labelled: true }), { ...deleteAction('network'), when: (r) => !r.default }],
};

export const RESERVED_IPS_PAGE: ResourceSpec = {
  route: 'reserved-ips',
  path: '/reserved_ips',
  title: 'Reserved IPs',
  singular: 'Reserved IP',
  columns: [column('Address', 'ip'), statusColumn, column('Region', 'region'), linkColumn('Instance', 'instance_id')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'instance_id', label: 'Instance', choices: INSTANCES },
    { name: 'label_selector', label: 'Label selector' },
  ],
  create: [{ name: 'region', label: 'Region', kind: 'select', required: true, choices: REGIONS }, LABELS_FIELD],
  actions: [
    // Assigning an assigned address moves it to the other instance.
    { label: 'Assign', method: 'PUT', path: '/assign', when: (r) => r.status === 'assigned' || r.status === 'unassigned', fields: [{ name: 'instance_id', label: 'Instance', kind: 'select', required: true, choices: INSTANCES }] },
    { label: 'Unassign', method: 'PUT', path: '/unassign', when: (r) => r.status === 'assigned', confirm: (r) => `Stop routing ${String(r.ip)} to ${String(r.instance_id)}?` },
    editAction({ label: 'Edit labels', labelled: true }),
    // An assigned address is refused (409): unassign it first.
    { ...deleteAction('reserved IP'), when: (r) => r.status === 'unassigned' },
  ],
};
