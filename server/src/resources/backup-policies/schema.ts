import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { patchBody } from '../patch.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const PolicyName = Type.String({ minLength: 1, maxLength: 100 });
const Schedule = Type.String({ minLength: 9, maxLength: 100, description: 'Five-field cron expression in UTC, e.g. `0 3 * * *`', examples: ['0 3 * * *'] });
const Retention = Type.Integer({ minimum: 1, maximum: 100, description: 'How many of its snapshots the policy keeps per volume' });
const VolumeIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Target volumes (or use label_selector)' });
const Selector = Type.String({ minLength: 1, maxLength: 1024, description: 'Target the volumes matching this label selector (or use volume_ids)' });

export const BackupPolicySchema = named(
  'BackupPolicy',
  Type.Object({
    id: Type.String({ examples: ['bkp_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    schedule: Type.String(),
    retention_count: Type.Integer(),
    volume_ids: Type.Union([Type.Array(Type.String()), Type.Null()]),
    label_selector: Type.Union([Type.String(), Type.Null()]),
    enabled: Type.Boolean(),
    next_run_at: Time('The next slot the policy fires at'),
    last_run_at: Type.Union([Time('The last slot it fired for'), Type.Null()]),
    created_at: Time('When the policy was created'),
    updated_at: Time('When the policy last changed'),
  }),
);

export const CreateBackupPolicyBody = named(
  'CreateBackupPolicy',
  Type.Object(
    {
      name: PolicyName,
      schedule: Schedule,
      retention_count: Retention,
      volume_ids: Type.Optional(VolumeIds),
      label_selector: Type.Optional(Selector),
      enabled: Type.Optional(Type.Boolean({ default: true })),
    },
    { additionalProperties: false },
  ),
);

export const PatchBackupPolicyBody = patchBody('PatchBackupPolicy', { name: PolicyName });

export const UpdateBackupPolicyBody = named(
  'UpdateBackupPolicy',
  Type.Object(
    {
      name: Type.Optional(PolicyName),
      schedule: Type.Optional(Schedule),
      retention_count: Type.Optional(Retention),
      volume_ids: Type.Optional(VolumeIds),
      label_selector: Type.Optional(Selector),
      enabled: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);

export const BackupPolicyList = pageOf('BackupPolicyList', BackupPolicySchema);
export const ListBackupPoliciesQuery = Type.Object(listQueryProperties, { additionalProperties: false });
