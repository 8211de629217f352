// Firewalls and load balancers: their rules are nested lists, edited as the API's own JSON (the
// server checks them and names the offending entry, e.g. `inbound_rules[0].ports`).
import { deleteAction, type ResourceSpec, type Row } from '../kit/spec.js';
import type { Field } from '../kit/fields.js';
import { fixed, REGIONS, VPCS } from '../kit/options.js';
import { column, LABELS_FIELD, linkColumn, statusColumn } from './columns.js';
import { editAction } from './edit.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const count = (name: string) => ({ label: name.replace('_', ' '), cell: (r: Row) => String(Array.isArray(r[name]) ? (r[name] as unknown[]).length : 0) });

const firewallFields = (r: Partial<Row> = {}): Field[] => [
  { name: 'name', label: 'Name', kind: 'text', required: true, initial: typeof r.name === 'string' ? r.name : undefined },
  { name: 'inbound_rules', label: 'Inbound rules (JSON)', kind: 'json', required: true, initial: json(r.inbound_rules ?? [{ protocol: 'tcp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } }]) },
  { name: 'outbound_rules', label: 'Outbound rules (JSON)', kind: 'json', hint: 'Default: allow all outbound', initial: r.outbound_rules ? json(r.outbound_rules) : undefined },
  { name: 'apply_to', label: 'Apply to (JSON)', kind: 'json', required: true, hint: 'instance_ids and/or a label_selector', initial: json(r.apply_to ?? { label_selector: 'role=web' }) },
];

export const FIREWALLS_PAGE: ResourceSpec = {
  route: 'firewalls',
  path: '/firewalls',
  title: 'Firewalls',
  singular: 'Firewall',
  columns: [column('Name', 'name'), count('inbound_rules'), count('outbound_rules')],
  filters: [{ name: 'label_selector', label: 'Label selector' }],
  create: [...firewallFields(), LABELS_FIELD],
  actions: [{ label: 'Edit rules', method: 'PUT', path: '', fields: (r) => firewallFields(r) }, editAction({ label: 'Rename or relabel', name: true, labelled: true }), deleteAction('firewall')],
};

const balancerFields = (r: Partial<Row> = {}): Field[] => [
  { name: 'algorithm', label: 'Algorithm', kind: 'select', choices: fixed('round_robin', 'least_connections'), initial: typeof r.algorithm === 'string' ? r.algorithm : undefined, hint: 'Default round_robin' },
  { name: 'forwarding_rules', label: 'Forwarding rules (JSON)', kind: 'json', required: true, initial: json(r.forwarding_rules ?? [{ entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 8080 }]) },
  { name: 'health_check', label: 'Health check (JSON)', kind: 'json', initial: r.health_check ? json(r.health_check) : json({ protocol: 'http', port: 8080, path: '/' }) },
  { name: 'targets', label: 'Targets (JSON)', kind: 'json', required: true, hint: 'instance_ids and/or a label_selector, in the same VPC', initial: json(r.targets ?? { label_selector: 'role=web' }) },
];

export const LOAD_BALANCERS_PAGE: ResourceSpec = {
  route: 'load-balancers',
  path: '/load_balancers',
  title: 'Load balancers',
  singular: 'Load balancer',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), column('IP', 'ip'), linkColumn('VPC', 'vpc_id'), column('Algorithm', 'algorithm')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'vpc_id', label: 'VPC', choices: VPCS },
  ],
  create: [{ name: 'name', label: 'Name', kind: 'text', required: true }, { name: 'vpc_id', label: 'VPC', kind: 'select', required: true, choices: VPCS }, ...balancerFields(), LABELS_FIELD],
  transitional: ['provisioning', 'deleting'],
  actions: [
    { label: 'Edit', method: 'PUT', path: '', when: (r) => r.status === 'active', fields: (r) => balancerFields(r) },
    { ...editAction({ label: 'Rename or relabel', name: true, labelled: true }), when: (r) => r.status !== 'deleting' },
    { ...deleteAction('load balancer'), when: (r) => r.status !== 'deleting' },
  ],
};
