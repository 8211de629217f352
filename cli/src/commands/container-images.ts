import { openAsBlob } from 'node:fs';
import { Command } from 'commander';
import { client, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { deleteCommand, listCommand, showCommand } from './builders.js';
import { REGION } from './fields.js';

const COLUMNS = columns('id', 'name', 'region', 'layers', 'size_bytes', 'digest', 'created_at');
const NOUN = 'container image';

export function containerImagesCommand(): Command {
  const group = new Command('container-images').description('container images: docker save archives or OCI image layouts that containers run');
  listCommand(group, { description: 'list container images, newest first', columns: COLUMNS, filters: [REGION], list: (sdk, query) => sdk.containerImages.list(query) });
  showCommand(group, { description: 'show one container image', noun: NOUN, show: (sdk, id) => sdk.containerImages.retrieve(id) });
  group
    .command('push')
    .description('upload an image archive: `docker save -o image.tar web:1` output, or an OCI image layout as a tar (at most 1 GiB)')
    .argument('<archive>', 'path of the tar file')
    .requiredOption('--name <name>', 'unique per region, e.g. web:1.0')
    .requiredOption('--region <region>', 'the region whose containers will run it')
    .action(async (archive: string, options: { name: string; region: string }, command: Command) => {
      // Read from disk as it is sent, never held in memory whole.
      printRecord(command, await client(command).containerImages.upload({ name: options.name, region: options.region, archive: await openAsBlob(archive) }));
    });
  deleteCommand(group, { description: 'delete a container image and its files (not one a container runs)', noun: NOUN, delete: (sdk, id) => sdk.containerImages.delete(id) });
  return group;
}
