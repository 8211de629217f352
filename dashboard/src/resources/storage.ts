// Volumes (create or restore, edit, attach/detach, resize, snapshot, delete) and their snapshots
// (restore into a new volume, rename, delete).
import { deleteAction, type ResourceSpec } from '../kit/spec.js';
import { fixed, INSTANCES, REGIONS, SNAPSHOTS, VOLUMES } from '../kit/options.js';
import { column, LABELS_FIELD, linkColumn, statusColumn } from './columns.js';
import { editAction } from './edit.js';

export const VOLUMES_PAGE: ResourceSpec = {
  route: 'volumes',
  path: '/volumes',
  title: 'Volumes',
  singular: 'Volume',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), { label: 'Size', cell: (r) => `${String(r.size_gb)} GB` }, linkColumn('Attached to', 'instance_id')],
  filters: [
    { name: 'region', label: 'Region', choices: REGIONS },
    { name: 'attachment_state', label: 'Attachment', choices: fixed('attached', 'detached') },
    { name: 'instance_id', label: 'Instance', choices: INSTANCES },
  ],
  create: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'region', label: 'Region', kind: 'select', choices: REGIONS, hint: 'Required unless restoring a snapshot' },
    { name: 'size_gb', label: 'Size (GB)', kind: 'number', hint: 'Required unless restoring; at least the snapshot\'s size' },
    { name: 'filesystem', label: 'Filesystem', kind: 'select', choices: fixed('ext4', 'xfs', 'none'), hint: 'Default ext4' },
    { name: 'snapshot_id', label: 'Restore from snapshot', kind: 'select', choices: SNAPSHOTS },
    LABELS_FIELD,
  ],
  transitional: ['creating', 'deleting'],
  actions: [
    { ...editAction({ name: true, labelled: true, protection: ['delete'] }), when: (r) => r.status !== 'deleting' },
    { label: 'Attach', method: 'PUT', path: '/attach', when: (r) => r.status === 'available', fields: [{ name: 'instance_id', label: 'Instance', kind: 'select', required: true, choices: INSTANCES }] },
    { label: 'Detach', method: 'PUT', path: '/detach', when: (r) => r.status === 'attached', confirm: (r) => `Detach volume ${String(r.name)} from ${String(r.instance_id)}?` },
    { label: 'Resize', method: 'PUT', path: '/resize', when: (r) => r.status !== 'deleting', fields: [{ name: 'size_gb', label: 'New size (GB)', kind: 'number', required: true }] },
    { label: 'Snapshot', method: 'POST', path: '/snapshots', creates: 'snapshots', when: (r) => r.status !== 'deleting', fields: [{ name: 'name', label: 'Snapshot name', kind: 'text', required: true }] },
    { ...deleteAction('volume'), when: (r) => r.status === 'available' },
  ],
};

export const SNAPSHOTS_PAGE: ResourceSpec = {
  route: 'snapshots',
  path: '/snapshots',
  title: 'Snapshots',
  singular: 'Snapshot',
  columns: [column('Name', 'name'), statusColumn, column('Region', 'region'), { label: 'Size', cell: (r) => `${String(r.size_gb)} GB` }, linkColumn('Volume', 'volume_id')],
  filters: [
    { name: 'volume_id', label: 'Volume', choices: VOLUMES },
    { name: 'region', label: 'Region', choices: REGIONS },
  ],
  transitional: ['creating', 'deleting'],
  actions: [
    {
      label: 'Restore to a new volume',
      method: 'POST',
      path: '',
      url: '/volumes',
      fixedBody: (r) => ({ snapshot_id: r.id }),
      creates: 'volumes',
      when: (r) => r.status === 'available',
      fields: [{ name: 'name', label: 'New volume name', kind: 'text', required: true }],
    },
    { ...editAction({ label: 'Rename', name: true }), when: (r) => r.status !== 'deleting' },
    { ...deleteAction('snapshot'), when: (r) => r.status === 'available' },
  ],
};
