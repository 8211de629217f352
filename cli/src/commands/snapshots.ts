import type { PatchSnapshot } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { listCommand, operationCommand, showCommand, updateCommand } from './builders.js';
import { NAME_PATCH, REGION } from './fields.js';

const COLUMNS = columns('id', 'name', 'volume_id', 'region', 'size_gb', 'status', 'created_at');

export function snapshotsCommand(): Command {
  const group = new Command('snapshots').description('volume snapshots (take one with `volumes snapshot`, restore with `volumes create --snapshot-id`)');
  listCommand(group, {
    description: 'list snapshots, newest first',
    columns: COLUMNS,
    filters: [{ flags: '--volume-id <id>', field: 'volume_id', description: 'only of this volume' }, REGION],
    list: (sdk, query) => sdk.snapshots.list(query),
  });
  showCommand(group, { description: 'show one snapshot', noun: 'snapshot', show: (sdk, id) => sdk.snapshots.retrieve(id) });
  updateCommand(group, { description: 'rename a snapshot', noun: 'snapshot', fields: NAME_PATCH, update: (sdk, id, body) => sdk.snapshots.update(id, body as PatchSnapshot) });
  operationCommand(group, { name: 'delete', description: 'delete a snapshot', noun: 'snapshot', progress: 'deleting', run: (sdk, id, _body, options) => sdk.snapshots.delete(id, options) });
  return group;
}
