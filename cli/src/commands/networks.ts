import type { CreateNetwork, PatchNetwork } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, showCommand, updateCommand } from './builders.js';
import { LABELS, NAME_LABELS_PATCH, REGION, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'name', 'vpc_id', 'region', 'ip_range', 'environment', 'default', 'created_at');
const ENVIRONMENTS = ['production', 'staging', 'development'] as const;

export function networksCommand(): Command {
  const group = new Command('networks').description('subnets of a VPC that instances and databases join');
  listCommand(group, {
    description: 'list networks, newest first',
    columns: COLUMNS,
    filters: [
      { flags: '--vpc-id <id>', field: 'vpc_id', description: 'only in this VPC' },
      { flags: '--environment <environment>', field: 'environment', description: 'only of this environment', choices: ENVIRONMENTS },
      REGION,
      SELECTOR,
    ],
    list: (sdk, query) => sdk.networks.list(query),
  });
  showCommand(group, { description: 'show one network', noun: 'network', show: (sdk, id) => sdk.networks.retrieve(id) });
  createCommand(group, {
    description: 'create a network inside a VPC',
    noun: 'network',
    fields: [
      { flags: '--name <name>', field: 'name', description: 'unique per VPC', required: true },
      { flags: '--vpc-id <id>', field: 'vpc_id', description: 'the VPC it is carved from', required: true },
      { flags: '--ip-range <cidr>', field: 'ip_range', description: "inside the VPC's range, /29 at the smallest", required: true },
      { flags: '--environment <environment>', field: 'environment', description: 'what it is for', choices: ENVIRONMENTS, required: true },
      LABELS,
    ],
    create: (sdk, body, options) => sdk.networks.create(body as CreateNetwork, options),
  });
  updateCommand(group, { description: 'rename a network or change its labels (only what is given changes)', noun: 'network', fields: NAME_LABELS_PATCH, update: (sdk, id, body) => sdk.networks.update(id, body as PatchNetwork) });
  deleteCommand(group, { description: 'delete a network nothing is in any more', noun: 'network', delete: (sdk, id) => sdk.networks.delete(id) });
  return group;
}
