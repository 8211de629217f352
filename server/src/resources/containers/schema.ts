import Type from 'typebox';
import { METRIC_TYPES } from '../../drivers/compute-driver.js';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { metricsQuerySchema, metricsSchema } from '../metrics/schema.js';
import { patchBody } from '../patch.js';
import { CONTAINER_STATUSES } from './lifecycle.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const ContainerStatusSchema = literals(CONTAINER_STATUSES, 'Lifecycle status');

/** RFC 1123 host label: the name doubles as the container's hostname. */
const ContainerName = Type.String({ pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$', minLength: 1, maxLength: 63, description: 'Hostname-safe: letters, digits and inner hyphens, 1-63 characters; unique per region' });

const Command = Type.Array(Type.String({ maxLength: 4096 }), { minItems: 1, maxItems: 64, description: "The process to run (argv); default: the image's Entrypoint and Cmd" });

const Environment = Type.Record(Type.String(), Type.String({ maxLength: 4096 }), {
  maxProperties: 128,
  propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 128 },
  description: "Variables set in the container, over the image's Env",
});

export const ContainerPortSchema = named(
  'ContainerPort',
  Type.Object(
    {
      container_port: Type.Integer({ minimum: 1, maximum: 65535 }),
      protocol: literals(['tcp', 'udp'] as const, 'Transport protocol'),
    },
    { additionalProperties: false },
  ),
);

const Ports = Type.Array(ContainerPortSchema, { maxItems: 32, uniqueItems: true, description: "Ports the container listens on, reachable at its address from the network's VPC" });

export const ContainerSchema = named(
  'Container',
  Type.Object({
    id: Type.String({ examples: ['ctr_8f9a2b3c4d5e6f70'] }),
    name: Type.String({ examples: ['web-01'] }),
    region: Type.String({ examples: ['us-east-1'] }),
    status: ContainerStatusSchema,
    image_id: Type.String({ description: 'The container image it runs' }),
    command: Type.Union([Type.Array(Type.String()), Type.Null()], { description: "The argv it runs; null for the image's Entrypoint and Cmd" }),
    environment: Type.Record(Type.String(), Type.String()),
    ports: Type.Array(ContainerPortSchema),
    memory_mb: Type.Integer(),
    cpu: Type.Number({ description: 'CPU share, in vCPUs' }),
    replicas: Type.Integer(),
    network_id: Type.String({ description: 'The private network it joined' }),
    ipv4: Type.Union([Type.String({ examples: ['10.12.0.46'] }), Type.Null()], { description: 'Private IPv4 in its network, from the same pool as instances' }),
    labels: LabelsSchema,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  }),
);

export const CreateContainerBody = named(
  'CreateContainer',
  Type.Object(
    {
      name: ContainerName,
      region: Type.String({ minLength: 1, maxLength: 64, description: 'A region id from GET /v2/regions' }),
      image_id: Type.String({ minLength: 1, maxLength: 64, description: 'A container image in the same region (GET /v2/container_images)' }),
      command: Type.Optional(Command),
      environment: Type.Optional(Environment),
      ports: Type.Optional(Ports),
      memory_mb: Type.Integer({ minimum: 16, maximum: 65536, description: 'Memory limit in MiB' }),
      cpu: Type.Number({ minimum: 0.1, maximum: 16, description: 'CPU limit in vCPUs (0.5 is half a CPU)' }),
      replicas: Type.Optional(Type.Integer({ minimum: 1, maximum: 1, description: 'Copies to run; 1 (each container has one address; more replicas are not supported yet)' })),
      network_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "A network in the same region; default: the region's default network" })),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false },
  ),
);

export const UpdateContainerBody = patchBody('UpdateContainer', { name: ContainerName, labels: LabelsPatchSchema });

export const ContainerActionAccepted = named(
  'ContainerActionAccepted',
  Type.Object({
    id: Type.String({ description: 'The container id' }),
    status: ContainerStatusSchema,
    message: Type.String({ examples: ['Restart initiated successfully'] }),
    action_id: Type.String({ description: 'Follow it at GET /v2/actions/{action_id}' }),
  }),
);

export const ContainerList = pageOf('ContainerList', ContainerSchema);

export const ListContainersQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Filter by region id' })),
    status: Type.Optional(ContainerStatusSchema),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);

export const ContainerLogsQuery = Type.Object(
  { tail: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 100, description: 'How many of the last lines of each stream (default 100)' })) },
  { additionalProperties: false },
);

export const ContainerLogsSchema = named(
  'ContainerLogs',
  Type.Object({
    container_id: Type.String(),
    stdout: Type.Array(Type.String(), { description: 'The last lines its processes wrote to stdout, oldest first' }),
    stderr: Type.Array(Type.String(), { description: 'The last lines its processes wrote to stderr, oldest first' }),
  }),
);

export const ContainerMetricsQuery = metricsQuerySchema(METRIC_TYPES);
export const ContainerMetricsSchema = named('ContainerMetrics', metricsSchema('container_id', METRIC_TYPES));
