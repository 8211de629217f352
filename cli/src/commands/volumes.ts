import type { AttachVolume, CreateSnapshot, CreateVolume, ResizeVolume, UpdateVolume } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, listCommand, operationCommand, showCommand, updateCommand } from './builders.js';
import { LABELS, NAME_LABELS_PROTECTION_PATCH, PROTECTION, REGION, SELECTOR } from './fields.js';

const COLUMNS = columns('id', 'name', 'region', 'size_gb', 'filesystem', 'status', 'instance_id', 'created_at');
const NOUN = 'volume';

export function volumesCommand(): Command {
  const group = new Command('volumes').description('block storage: attach, detach, resize, snapshot');
  listCommand(group, {
    description: 'list volumes, newest first',
    columns: COLUMNS,
    filters: [
      REGION,
      { flags: '--attachment-state <state>', field: 'attachment_state', description: 'only attached or detached ones', choices: ['attached', 'detached'] },
      { flags: '--instance-id <id>', field: 'instance_id', description: 'only those attached to this instance' },
      SELECTOR,
    ],
    list: (sdk, query) => sdk.volumes.list(query),
  });
  showCommand(group, { description: 'show one volume', noun: NOUN, show: (sdk, id) => sdk.volumes.retrieve(id) });
  createCommand(group, {
    description: 'create a volume, empty or restored from a snapshot (with --wait, show it once available)',
    noun: NOUN,
    fields: [
      { flags: '--name <name>', field: 'name', description: 'unique per region', required: true },
      { flags: '--region <region>', field: 'region', description: 'region id (required unless restoring)' },
      { flags: '--size-gb <gb>', field: 'size_gb', description: 'size in GB (required unless restoring)', kind: 'integer' },
      { flags: '--filesystem <fs>', field: 'filesystem', description: 'default ext4', choices: ['ext4', 'xfs', 'none'] },
      { flags: '--snapshot-id <id>', field: 'snapshot_id', description: 'restore this snapshot into the new volume' },
      LABELS,
      ...PROTECTION,
    ],
    waitsUntil: 'the volume is available',
    create: (sdk, body, options) => sdk.volumes.create(body as CreateVolume, options),
  });
  updateCommand(group, {
    description: 'rename a volume or change its labels or protection (only what is given changes)',
    noun: NOUN,
    fields: NAME_LABELS_PROTECTION_PATCH,
    update: (sdk, id, body) => sdk.volumes.update(id, body as UpdateVolume),
  });
  operationCommand(group, {
    name: 'attach',
    description: 'attach a volume to an instance in its region',
    noun: NOUN,
    progress: 'attaching',
    fields: [{ flags: '--instance-id <id>', field: 'instance_id', description: 'the instance', required: true }],
    run: (sdk, id, body, options) => sdk.volumes.attach(id, body as AttachVolume, options),
  });
  operationCommand(group, { name: 'detach', description: 'detach a volume from its instance', noun: NOUN, progress: 'detaching', run: (sdk, id, _body, options) => sdk.volumes.detach(id, options) });
  operationCommand(group, {
    name: 'resize',
    description: 'grow a volume (volumes never shrink)',
    noun: NOUN,
    progress: 'resizing',
    fields: [{ flags: '--size-gb <gb>', field: 'size_gb', description: 'the new size in GB', kind: 'integer', required: true }],
    run: (sdk, id, body, options) => sdk.volumes.resize(id, body as ResizeVolume, options),
  });
  createCommand(group, {
    name: 'snapshot',
    description: 'take a snapshot of a volume (with --wait, show it once available)',
    noun: 'snapshot',
    idArgument: true,
    fields: [{ flags: '--name <name>', field: 'name', description: 'a name for the snapshot', required: true }],
    waitsUntil: 'the snapshot is available',
    create: (sdk, body, options, id) => sdk.volumes.snapshot(id, body as CreateSnapshot, options),
  });
  operationCommand(group, { name: 'delete', description: 'delete a detached volume', noun: NOUN, progress: 'deleting', run: (sdk, id, _body, options) => sdk.volumes.delete(id, options) });
  return group;
}
