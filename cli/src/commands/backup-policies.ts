import type { CreateBackupPolicy, PatchBackupPolicy, UpdateBackupPolicy } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, showCommand, updateCommand } from './builders.js';
import { type Field, NAME_PATCH } from './fields.js';

const COLUMNS = columns('id', 'name', 'schedule', 'retention_count', 'enabled', 'next_run_at', 'last_run_at');
const NOUN = 'backup policy';

/** Every field of a policy; `create` requires the first three. */
const FIELDS: Field[] = [
  { flags: '--name <name>', field: 'name', description: 'a name for the policy' },
  { flags: '--schedule <cron>', field: 'schedule', description: 'five-field cron expression in UTC, e.g. "0 3 * * *"' },
  { flags: '--retention-count <n>', field: 'retention_count', description: 'snapshots kept per volume (1-100)', kind: 'integer' },
  { flags: '--volume-id <id>', field: 'volume_ids', description: 'target volume (repeatable; or use --selector)', kind: 'list' },
  { flags: '-l, --selector <selector>', field: 'label_selector', description: 'target the volumes matching this label selector' },
  { flags: '--enabled <bool>', field: 'enabled', description: 'true or false (default true)', kind: 'boolean' },
];
const REQUIRED = new Set(['name', 'schedule', 'retention_count']);

export function backupPoliciesCommand(): Command {
  const group = new Command('backup-policies').description('scheduled volume snapshots with retention');
  listCommand(group, { description: 'list backup policies, newest first', columns: COLUMNS, list: (sdk, query) => sdk.backupPolicies.list(query) });
  showCommand(group, { description: 'show one backup policy', noun: NOUN, show: (sdk, id) => sdk.backupPolicies.retrieve(id) });
  createCommand(group, {
    description: 'create a backup policy',
    noun: NOUN,
    fields: FIELDS.map((field) => ({ ...field, required: REQUIRED.has(field.field) })),
    create: (sdk, body, options) => sdk.backupPolicies.create(body as CreateBackupPolicy, options),
  });
  updateCommand(group, { description: 'change a backup policy (only the flags given)', noun: NOUN, fields: FIELDS, update: (sdk, id, body) => sdk.backupPolicies.update(id, body as UpdateBackupPolicy) });
  updateCommand(group, { name: 'patch', description: 'rename a backup policy', noun: NOUN, fields: NAME_PATCH, update: (sdk, id, body) => sdk.backupPolicies.patch(id, body as PatchBackupPolicy) });
  deleteCommand(group, { description: 'delete a backup policy (its snapshots stay)', noun: NOUN, delete: (sdk, id) => sdk.backupPolicies.delete(id) });
  return group;
}
