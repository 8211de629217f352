import type { CreateVpc, PatchVpc, UpdateVpc } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, showCommand, updateCommand } from './builders.js';
import { type Field, LABELS, NAME_LABELS_PATCH, REGION, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'name', 'region', 'ip_range', 'default', 'created_at');
const NAME: Field = { flags: '--name <name>', field: 'name', description: 'unique per region' };
const DESCRIPTION: Field = { flags: '--description <text>', field: 'description', description: 'free text' };

export function vpcsCommand(): Command {
  const group = new Command('vpcs').description('private address spaces (VPCs), one region each');
  listCommand(group, { description: 'list VPCs, newest first', columns: COLUMNS, filters: [REGION, SELECTOR], list: (sdk, query) => sdk.vpcs.list(query) });
  showCommand(group, { description: 'show one VPC', noun: 'VPC', show: (sdk, id) => sdk.vpcs.retrieve(id) });
  createCommand(group, {
    description: 'create a VPC',
    noun: 'VPC',
    fields: [
      { ...NAME, required: true },
      { flags: '--region <region>', field: 'region', description: 'region id', required: true },
      { flags: '--ip-range <cidr>', field: 'ip_range', description: 'an RFC 1918 block from /16 to /24', required: true },
      DESCRIPTION,
      LABELS,
    ],
    create: (sdk, body, options) => sdk.vpcs.create(body as CreateVpc, options),
  });
  updateCommand(group, { description: 'rename a VPC or change its description or labels', noun: 'VPC', fields: [NAME, DESCRIPTION, LABELS], update: (sdk, id, body) => sdk.vpcs.update(id, body as UpdateVpc) });
  updateCommand(group, { name: 'patch', description: 'rename a VPC or merge its labels (only what is given changes; `update` replaces the labels)', noun: 'VPC', fields: NAME_LABELS_PATCH, update: (sdk, id, body) => sdk.vpcs.patch(id, body as PatchVpc) });
  deleteCommand(group, { description: 'delete a VPC that nothing uses any more', noun: 'VPC', delete: (sdk, id) => sdk.vpcs.delete(id) });
  return group;
}
