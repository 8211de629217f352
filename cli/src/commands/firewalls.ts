import type { CreateFirewall, PatchFirewall, UpdateFirewall } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, showCommand, updateCommand } from './builders.js';
import { type Field, LABELS, NAME_LABELS_PATCH, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'name', 'apply_to', 'created_at');

/** The whole firewall: `create` and `replace` take the same flags. */
const FIELDS: Field[] = [
  { flags: '--name <name>', field: 'name', description: 'a name for the firewall', required: true },
  {
    flags: '--inbound-rules <json>',
    field: 'inbound_rules',
    description: 'JSON list, e.g. \'[{"protocol":"tcp","ports":"22","sources":{"addresses":["0.0.0.0/0"]}}]\'',
    kind: 'json',
    required: true,
  },
  { flags: '--outbound-rules <json>', field: 'outbound_rules', description: 'JSON list like the inbound rules, with destinations (default: allow all)', kind: 'json' },
  { flags: '--apply-to <json>', field: 'apply_to', description: 'JSON, e.g. \'{"label_selector":"role=web"}\' or \'{"instance_ids":["inst_…"]}\'', kind: 'json', required: true },
  LABELS,
];

export function firewallsCommand(): Command {
  const group = new Command('firewalls').description('inbound and outbound rules for instances');
  listCommand(group, { description: 'list firewalls, newest first', columns: COLUMNS, filters: [SELECTOR], list: (sdk, query) => sdk.firewalls.list(query) });
  showCommand(group, { description: 'show one firewall', noun: 'firewall', show: (sdk, id) => sdk.firewalls.retrieve(id) });
  createCommand(group, { description: 'create a firewall', noun: 'firewall', fields: FIELDS, create: (sdk, body, options) => sdk.firewalls.create(body as CreateFirewall, options) });
  updateCommand(group, {
    name: 'replace',
    description: 'replace a firewall as a whole: what the flags leave out is gone',
    noun: 'firewall',
    fields: FIELDS,
    update: (sdk, id, body) => sdk.firewalls.replace(id, body as UpdateFirewall),
  });
  updateCommand(group, { description: 'rename a firewall or change its labels; the rules stay (only what is given changes)', noun: 'firewall', fields: NAME_LABELS_PATCH, update: (sdk, id, body) => sdk.firewalls.update(id, body as PatchFirewall) });
  deleteCommand(group, { description: 'delete a firewall', noun: 'firewall', delete: (sdk, id) => sdk.firewalls.delete(id) });
  return group;
}
