import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { METRIC_TYPES } from '../../drivers/compute-driver.js';
import { LabelsSchema } from '../../labels/labels.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { patchBody } from '../patch.js';
import { INSTANCE_STATUSES } from './lifecycle.js';
import { ProtectionInputSchema, ProtectionSchema } from '../protection.js';
import { metricsQuerySchema, metricsSchema } from '../metrics/schema.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const literals = <T extends readonly string[]>(values: T, description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), { description });

export const InstanceStatusSchema = literals(INSTANCE_STATUSES, 'Lifecycle status');

/** RFC 1123 host label: the name doubles as the instance's hostname. */
const HOSTNAME = '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$';
/** Standard base64 with padding; the decoded size is checked by the service (64 KiB). */
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

export const InstanceSchema = named(
  'Instance',
  Type.Object({
    id: Type.String({ examples: ['inst_8f9a2b3c4d5e6f70'] }),
    name: Type.String({ examples: ['prod-api-01'] }),
    region: Type.String({ examples: ['us-east-1'] }),
    status: InstanceStatusSchema,
    cpu: Type.Integer({ description: 'vCPUs' }),
    memory_gb: Type.Number(),
    ipv4: Type.Union([Type.String({ examples: ['10.12.0.45'] }), Type.Null()], { description: 'Private IPv4 in its network; null until assigned' }),
    public_ipv4: Type.Union([Type.String({ examples: ['198.51.100.7'] }), Type.Null()], { description: 'The reserved IP routed to it, if any' }),
    network_id: Type.Union([Type.String(), Type.Null()], { description: 'The private network it joined' }),
    plan: Type.String({ examples: ['standard-4'] }),
    image: Type.String({ description: 'The OS image slug or custom image id it was built (or last rebuilt) from', examples: ['ubuntu-24-04'] }),
    ssh_keys: Type.Array(Type.String(), { description: 'Ids of the SSH keys installed at creation' }),
    volume_ids: Type.Array(Type.String(), { description: 'Ids of the volumes attached to it' }),
    labels: LabelsSchema,
    protection: ProtectionSchema,
    created_at: Time('When the instance was created'),
    updated_at: Time('When the instance last changed'),
  }),
);

const ImageRef = Type.String({ minLength: 1, maxLength: 64, description: 'An OS image slug, or the id of an available custom image in the same region (GET /v2/images)' });

const InstanceName = Type.String({ pattern: HOSTNAME, minLength: 1, maxLength: 63, description: 'Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region' });

export const UpdateInstanceBody = patchBody('UpdateInstance', { name: InstanceName, labels: LabelsPatchSchema, protection: ProtectionInputSchema });

export const CreateInstanceBody = named(
  'CreateInstance',
  Type.Object(
    {
      name: InstanceName,
      region: Type.String({ minLength: 1, maxLength: 64, description: 'A region id from GET /v2/regions' }),
      plan: Type.String({ minLength: 1, maxLength: 64, description: 'A plan id from GET /v2/plans' }),
      image: ImageRef,
      public_ip: Type.Optional(Type.Boolean({ description: "Reserve a public IPv4 address from the operator's pool and assign it; it is released when the instance is deleted (unless moved or unassigned first)" })),
      ssh_keys: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 32, uniqueItems: true, description: 'Ids of SSH keys to install' })),
      user_data: Type.Optional(Type.String({ pattern: BASE64, maxLength: 128 * 1024, description: 'Base64-encoded cloud-init script, at most 64 KiB decoded' })),
      labels: Type.Optional(LabelsSchema),
      network_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "A network in the same region; default: the region's default network" })),
      protection: Type.Optional(ProtectionInputSchema),
    },
    { additionalProperties: false },
  ),
);

export const SnapshotInstanceBody = named(
  'SnapshotInstance',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100, description: "The custom image's name, unique among your images" }),
      crash_consistent: Type.Optional(Type.Boolean({ description: 'Allow a running instance: its disk is copied as it is, as if the power had been cut. Default false (a running instance is a 409)' })),
    },
    { additionalProperties: false },
  ),
);

export const RebuildInstanceBody = named(
  'RebuildInstance',
  Type.Object({ image: ImageRef }, { additionalProperties: false }),
);

export const ResizeInstanceBody = named(
  'ResizeInstance',
  Type.Object({ plan: Type.String({ minLength: 1, maxLength: 64, description: 'The new plan id' }) }, { additionalProperties: false }),
);

export const InstanceActionAccepted = named(
  'InstanceActionAccepted',
  Type.Object({
    id: Type.String({ description: 'The instance id' }),
    status: InstanceStatusSchema,
    message: Type.String({ examples: ['Restart initiated successfully'] }),
    action_id: Type.String({ description: 'Follow it at GET /v2/actions/{action_id}' }),
  }),
);

export const InstanceSnapshotAccepted = named(
  'InstanceSnapshotAccepted',
  Type.Object({
    ...InstanceActionAccepted.properties,
    image_id: Type.String({ description: 'The custom image being made: `creating`, then `available` (GET /v2/images/{image_id})' }),
  }),
);

export const InstanceList = pageOf('InstanceList', InstanceSchema);

export const ListInstancesQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Filter by region id' })),
    status: Type.Optional(InstanceStatusSchema),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 63, description: 'Filter by exact name' })),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);

export const MetricsQuerySchema = metricsQuerySchema(METRIC_TYPES);

export const ConsoleSchema = named(
  'InstanceConsole',
  Type.Object({
    instance_id: Type.String(),
    output: Type.String({ description: "The tail of the instance's console (at most 64 KiB): boot messages and the output of `user_data`" }),
  }),
);

export const MetricsSchema = named('InstanceMetrics', metricsSchema('instance_id', METRIC_TYPES));
