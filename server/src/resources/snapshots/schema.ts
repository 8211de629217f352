import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { patchBody } from '../patch.js';

const Status = Type.Union([Type.Literal('creating'), Type.Literal('available'), Type.Literal('deleting')], { description: 'Lifecycle status' });

export const SnapshotSchema = named(
  'Snapshot',
  Type.Object({
    id: Type.String({ examples: ['snap_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    volume_id: Type.String({ description: 'The volume it was taken from (which may since have been deleted)' }),
    region: Type.String(),
    size_gb: Type.Integer({ description: 'Size of the volume when the snapshot was taken' }),
    status: Status,
    created_at: Type.String({ format: 'date-time' }),
  }),
);

const SnapshotName = Type.String({ minLength: 1, maxLength: 100 });

export const CreateSnapshotBody = named('CreateSnapshot', Type.Object({ name: SnapshotName }, { additionalProperties: false }));

export const PatchSnapshotBody = patchBody('PatchSnapshot', { name: SnapshotName });

export const SnapshotList = pageOf('SnapshotList', SnapshotSchema);

export const SnapshotDeleteAccepted = named(
  'SnapshotDeleteAccepted',
  Type.Object({ id: Type.String(), status: Status, message: Type.String(), action_id: Type.String() }),
);

export const ListSnapshotsQuery = Type.Object(
  {
    volume_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
