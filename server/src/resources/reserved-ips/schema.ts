import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { patchBody } from '../patch.js';
import { RESERVED_IP_STATUSES } from './lifecycle.js';

const Status = Type.Union(RESERVED_IP_STATUSES.map((v) => Type.Literal(v)), { description: 'Whether the address routes to an instance' });

export const ReservedIpSchema = named(
  'ReservedIp',
  Type.Object({
    id: Type.String({ examples: ['rip_8f9a2b3c4d5e6f70'] }),
    ip: Type.String({ description: "A public IPv4 address from the operator's pool", examples: ['198.51.100.7'] }),
    region: Type.String(),
    instance_id: Type.Union([Type.String(), Type.Null()], { description: 'The instance the address routes to (the new one as soon as an assign is accepted)' }),
    status: Status,
    labels: LabelsSchema,
    created_at: Type.String({ format: 'date-time', description: 'When the address was reserved' }),
  }),
);

export const CreateReservedIpBody = named(
  'CreateReservedIp',
  Type.Object(
    {
      region: Type.String({ minLength: 1, maxLength: 64, description: 'Where the address may be assigned' }),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false },
  ),
);

export const UpdateReservedIpBody = patchBody('UpdateReservedIp', { labels: LabelsPatchSchema });

export const AssignReservedIpBody = named(
  'AssignReservedIp',
  Type.Object({ instance_id: Type.String({ minLength: 1, maxLength: 64, description: 'An instance in the same region; an assigned address moves to it' }) }, { additionalProperties: false }),
);

export const ReservedIpActionAccepted = named(
  'ReservedIpActionAccepted',
  Type.Object({ id: Type.String(), status: Status, message: Type.String(), action_id: Type.String() }),
);

export const ReservedIpList = pageOf('ReservedIpList', ReservedIpSchema);

export const ListReservedIpsQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    instance_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
