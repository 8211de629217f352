import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { NAME_PATTERN } from '../vpcs/schema.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { patchBody } from '../patch.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
export const LB_STATUSES = ['provisioning', 'active', 'deleting'] as const;

export const ForwardingRuleSchema = named(
  'ForwardingRule',
  Type.Object(
    {
      entry_protocol: literals(['http', 'https', 'tcp'] as const, 'Protocol clients use'),
      entry_port: Port,
      target_protocol: literals(['http', 'https', 'tcp'] as const, 'Protocol spoken to the targets'),
      target_port: Port,
    },
    { additionalProperties: false },
  ),
);

export const HealthCheckSchema = named(
  'HealthCheck',
  Type.Object(
    {
      protocol: literals(['http', 'tcp'] as const, 'How targets are checked'),
      port: Port,
      path: Type.Optional(Type.String({ pattern: '^/', maxLength: 255, description: 'For http checks; default /' })),
      interval_seconds: Type.Optional(Type.Integer({ minimum: 3, maximum: 300, default: 10 })),
      timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 5 })),
      healthy_threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 })),
      unhealthy_threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 })),
    },
    { additionalProperties: false },
  ),
);

const Targets = Type.Object(
  {
    instance_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100, uniqueItems: true })),
    label_selector: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false, minProperties: 1, description: 'Instances in the same VPC, by id and/or label selector' },
);

export const LoadBalancerSchema = named(
  'LoadBalancer',
  Type.Object({
    id: Type.String({ examples: ['lb_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    region: Type.String(),
    vpc_id: Type.String(),
    algorithm: literals(['round_robin', 'least_connections'] as const, 'How requests are spread'),
    forwarding_rules: Type.Array(ForwardingRuleSchema),
    health_check: HealthCheckSchema,
    targets: Targets,
    status: literals(LB_STATUSES, 'Lifecycle status'),
    ip: Type.Union([Type.String(), Type.Null()], { description: 'The address clients connect to; null until active' }),
    labels: LabelsSchema,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  }),
);

const Settings = {
  algorithm: Type.Optional(literals(['round_robin', 'least_connections'] as const, 'Default round_robin')),
  forwarding_rules: Type.Array(ForwardingRuleSchema, { minItems: 1, maxItems: 25 }),
  health_check: Type.Optional(HealthCheckSchema),
  targets: Targets,
};

const LoadBalancerName = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63, description: 'Unique per region' });

export const CreateLoadBalancerBody = named(
  'CreateLoadBalancer',
  Type.Object(
    { name: LoadBalancerName, vpc_id: Type.String({ minLength: 1, maxLength: 64 }), ...Settings, labels: Type.Optional(LabelsSchema) },
    { additionalProperties: false },
  ),
);
export const UpdateLoadBalancerBody = named('UpdateLoadBalancer', Type.Object(Settings, { additionalProperties: false, description: 'Replaces the rules, health check and targets' }));

export const PatchLoadBalancerBody = patchBody('PatchLoadBalancer', { name: LoadBalancerName, labels: LabelsPatchSchema });

export const LoadBalancerAccepted = named(
  'LoadBalancerAccepted',
  Type.Object({ id: Type.String(), status: literals(LB_STATUSES, 'Lifecycle status'), message: Type.String(), action_id: Type.String() }),
);

export const LoadBalancerList = pageOf('LoadBalancerList', LoadBalancerSchema);
export const ListLoadBalancersQuery = Type.Object(
  { region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), vpc_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...labelSelectorQueryProperties, ...listQueryProperties },
  { additionalProperties: false },
);
