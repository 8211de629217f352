import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { ATTACHMENT_STATES, FILESYSTEMS, VOLUME_STATUSES } from './lifecycle.js';
import { ProtectionInputSchema, ProtectionSchema } from '../protection.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { patchBody } from '../patch.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const Time = (description: string) => Type.String({ format: 'date-time', description });
const NAME = '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$';
export const MAX_VOLUME_GB = 16_384;

export const VolumeSchema = named(
  'Volume',
  Type.Object({
    id: Type.String({ examples: ['vol_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    region: Type.String(),
    size_gb: Type.Integer(),
    filesystem: literals(FILESYSTEMS, 'Filesystem made on the volume'),
    status: literals(VOLUME_STATUSES, 'Lifecycle status'),
    instance_id: Type.Union([Type.String(), Type.Null()], { description: 'The instance it is attached to' }),
    snapshot_id: Type.Union([Type.String(), Type.Null()], { description: 'The snapshot it was restored from' }),
    labels: LabelsSchema,
    protection: ProtectionSchema,
    created_at: Time('When the volume was created'),
    updated_at: Time('When the volume last changed'),
  }),
);

const VolumeName = Type.String({ pattern: NAME, minLength: 1, maxLength: 63, description: 'Unique per region' });

export const UpdateVolumeBody = patchBody('UpdateVolume', { name: VolumeName, labels: LabelsPatchSchema, protection: ProtectionInputSchema });

export const CreateVolumeBody = named(
  'CreateVolume',
  Type.Object(
    {
      name: VolumeName,
      region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Required unless restoring; a restore stays in the snapshot\'s region' })),
      size_gb: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VOLUME_GB, description: 'Required unless restoring; at least the snapshot\'s size' })),
      filesystem: Type.Optional(literals(FILESYSTEMS, 'Default ext4')),
      snapshot_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Restore this snapshot into the new volume' })),
      labels: Type.Optional(LabelsSchema),
      protection: Type.Optional(ProtectionInputSchema),
    },
    { additionalProperties: false },
  ),
);

export const AttachVolumeBody = named('AttachVolume', Type.Object({ instance_id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }));
export const ResizeVolumeBody = named(
  'ResizeVolume',
  Type.Object({ size_gb: Type.Integer({ minimum: 1, maximum: MAX_VOLUME_GB, description: 'The new size; volumes only grow' }) }, { additionalProperties: false }),
);

export const VolumeActionAccepted = named(
  'VolumeActionAccepted',
  Type.Object({ id: Type.String(), status: literals(VOLUME_STATUSES, 'Lifecycle status'), message: Type.String(), action_id: Type.String() }),
);

export const VolumeList = pageOf('VolumeList', VolumeSchema);

export const ListVolumesQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    attachment_state: Type.Optional(literals(ATTACHMENT_STATES, 'attached or detached')),
    instance_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
