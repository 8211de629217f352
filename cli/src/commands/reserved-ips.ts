import type { AssignReservedIp, CreateReservedIp, UpdateReservedIp } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, operationCommand, showCommand, updateCommand } from './builders.js';
import { LABELS, NAME_LABELS_PROTECTION_PATCH, REGION, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'ip', 'region', 'status', 'instance_id', 'created_at');
const NOUN = 'reserved IP';

export function reservedIpsCommand(): Command {
  const group = new Command('reserved-ips').description("public IPv4 addresses from the operator's pool: assign, move, unassign");
  listCommand(group, {
    description: 'list reserved IPs, newest first',
    columns: COLUMNS,
    filters: [REGION, { flags: '--instance-id <id>', field: 'instance_id', description: 'only the one assigned to this instance' }, SELECTOR],
    list: (sdk, query) => sdk.reservedIps.list(query),
  });
  showCommand(group, { description: 'show one reserved IP', noun: NOUN, show: (sdk, id) => sdk.reservedIps.retrieve(id) });
  createCommand(group, {
    description: 'reserve an address in a region (unassigned until assigned)',
    noun: NOUN,
    fields: [{ flags: '--region <region>', field: 'region', description: 'region id', required: true }, LABELS],
    create: (sdk, body, options) => sdk.reservedIps.create(body as CreateReservedIp, options),
  });
  updateCommand(group, {
    description: "change a reserved IP's labels (only what is given changes)",
    noun: NOUN,
    fields: NAME_LABELS_PROTECTION_PATCH.filter((field) => field.field === 'labels'),
    update: (sdk, id, body) => sdk.reservedIps.update(id, body as UpdateReservedIp),
  });
  operationCommand(group, {
    name: 'assign',
    description: 'route the address to an instance in its region (an assigned address moves)',
    noun: NOUN,
    progress: 'assigning',
    fields: [{ flags: '--instance-id <id>', field: 'instance_id', description: 'the instance', required: true }],
    run: (sdk, id, body, options) => sdk.reservedIps.assign(id, body as AssignReservedIp, options),
  });
  operationCommand(group, { name: 'unassign', description: 'stop routing the address to its instance', noun: NOUN, progress: 'unassigning', run: (sdk, id, _body, options) => sdk.reservedIps.unassign(id, options) });
  deleteCommand(group, { description: 'release an unassigned address to the pool', noun: NOUN, delete: (sdk, id) => sdk.reservedIps.delete(id) });
  return group;
}
