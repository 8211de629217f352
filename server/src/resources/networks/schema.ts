import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { CIDR_PATTERN, NAME_PATTERN } from '../vpcs/schema.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { patchBody } from '../patch.js';

export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;
const Environment = Type.Union(ENVIRONMENTS.map((e) => Type.Literal(e)), { description: 'production, staging or development' });
const Time = (description: string) => Type.String({ format: 'date-time', description });

export const NetworkSchema = named(
  'Network',
  Type.Object({
    id: Type.String({ examples: ['net_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    vpc_id: Type.String(),
    region: Type.String(),
    ip_range: Type.String({ examples: ['10.20.1.0/24'] }),
    environment: Environment,
    default: Type.Boolean({ description: "The region's default network, used by instances created without network_id" }),
    labels: LabelsSchema,
    created_at: Time('When the network was created'),
    updated_at: Time('When the network last changed'),
  }),
);

const NetworkName = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63, description: 'Unique per VPC' });

export const PatchNetworkBody = patchBody('PatchNetwork', { name: NetworkName, labels: LabelsPatchSchema });

export const CreateNetworkBody = named(
  'CreateNetwork',
  Type.Object(
    {
      name: NetworkName,
      vpc_id: Type.String({ minLength: 1, maxLength: 64 }),
      ip_range: Type.String({ pattern: CIDR_PATTERN, description: "Inside the VPC's range, overlapping no other network of the VPC, /29 at the smallest" }),
      environment: Environment,
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false },
  ),
);

export const NetworkList = pageOf('NetworkList', NetworkSchema);
export const ListNetworksQuery = Type.Object(
  {
    vpc_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Filter by parent VPC' })),
    environment: Type.Optional(Environment),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
