import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { patchBody } from '../patch.js';

export const NAME_PATTERN = '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$';
export const CIDR_PATTERN = '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/\\d{1,2}$';
const Time = (description: string) => Type.String({ format: 'date-time', description });

export const VpcSchema = named(
  'Vpc',
  Type.Object({
    id: Type.String({ examples: ['vpc_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    region: Type.String(),
    ip_range: Type.String({ examples: ['10.20.0.0/16'] }),
    description: Type.String(),
    default: Type.Boolean({ description: 'The VPC created for the region on first use' }),
    labels: LabelsSchema,
    created_at: Time('When the VPC was created'),
    updated_at: Time('When the VPC last changed'),
  }),
);

const VpcName = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63, description: 'Unique per region' });

export const PatchVpcBody = patchBody('PatchVpc', { name: VpcName, labels: LabelsPatchSchema });

export const CreateVpcBody = named(
  'CreateVpc',
  Type.Object(
    {
      name: VpcName,
      region: Type.String({ minLength: 1, maxLength: 64 }),
      ip_range: Type.String({ pattern: CIDR_PATTERN, description: 'An RFC 1918 block from /16 to /24' }),
      description: Type.Optional(Type.String({ maxLength: 255 })),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false },
  ),
);

export const UpdateVpcBody = named(
  'UpdateVpc',
  Type.Object(
    {
      name: Type.Optional(Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63 })),
      description: Type.Optional(Type.String({ maxLength: 255 })),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);

export const VpcList = pageOf('VpcList', VpcSchema);
export const ListVpcsQuery = Type.Object(
  { region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...labelSelectorQueryProperties, ...listQueryProperties },
  { additionalProperties: false },
);
