import { Command } from 'commander';
import { columns } from '../output/table.js';
import { listCommand, operationCommand, showCommand } from './builders.js';

const COLUMNS = columns('id', 'type', 'name', 'distribution', 'version', 'status', 'region', 'size_gb');

export function imagesCommand(): Command {
  const group = new Command('images').description('OS images and custom images (take one with `instances snapshot`)');
  listCommand(group, {
    description: 'list OS and custom images, by id',
    columns: COLUMNS,
    filters: [{ flags: '--type <type>', field: 'type', description: 'only OS images or only custom ones', choices: ['os', 'custom'] }],
    list: (sdk, query) => sdk.images.list(query),
  });
  showCommand(group, { description: 'show an OS image by slug or a custom image by id', noun: 'image', show: (sdk, id) => sdk.images.retrieve(id) });
  operationCommand(group, { name: 'delete', description: 'delete a custom image', noun: 'image', progress: 'deleting', run: (sdk, id, _body, options) => sdk.images.delete(id, options) });
  return group;
}
