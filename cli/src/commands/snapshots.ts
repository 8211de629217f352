import { Command } from 'commander';
import { columns } from '../output/table.js';
import { listCommand, operationCommand, showCommand } from './builders.js';
import { REGION } from './fields.js';

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
  operationCommand(group, { name: 'delete', description: 'delete a snapshot', noun: 'snapshot', progress: 'deleting', run: (sdk, id, _body, options) => sdk.snapshots.delete(id, options) });
  return group;
}
