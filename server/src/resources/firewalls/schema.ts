import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { NAME_PATTERN } from '../vpcs/schema.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { patchBody } from '../patch.js';

const Protocol = Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('icmp')]);
const Ports = Type.String({ pattern: '^\\d{1,5}(-\\d{1,5})?$', description: 'A port (`22`) or a range (`8000-8100`); required for tcp and udp, absent for icmp' });
const Cidrs = Type.Array(Type.String({ maxLength: 18 }), { maxItems: 50, description: 'IPv4 CIDRs, e.g. `0.0.0.0/0` or `10.0.0.0/8`' });
const InstanceIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, uniqueItems: true });
const Selector = Type.String({ minLength: 1, maxLength: 1024 });

const Peers = (description: string) =>
  Type.Object(
    { addresses: Type.Optional(Cidrs), instance_ids: Type.Optional(InstanceIds), label_selector: Type.Optional(Selector) },
    { additionalProperties: false, minProperties: 1, description },
  );

export const InboundRuleSchema = named(
  'FirewallInboundRule',
  Type.Object({ protocol: Protocol, ports: Type.Optional(Ports), sources: Peers('Who may connect') }, { additionalProperties: false }),
);
export const OutboundRuleSchema = named(
  'FirewallOutboundRule',
  Type.Object({ protocol: Protocol, ports: Type.Optional(Ports), destinations: Peers('Where it may connect') }, { additionalProperties: false }),
);
const ApplyTo = Type.Object(
  { instance_ids: Type.Optional(InstanceIds), label_selector: Type.Optional(Selector) },
  { additionalProperties: false, minProperties: 1, description: 'The instances the firewall applies to: by id and/or by label selector' },
);

export const FirewallSchema = named(
  'Firewall',
  Type.Object({
    id: Type.String({ examples: ['fw_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    inbound_rules: Type.Array(InboundRuleSchema),
    outbound_rules: Type.Array(OutboundRuleSchema),
    apply_to: ApplyTo,
    labels: LabelsSchema,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  }),
);

const ruleLists = {
  inbound_rules: Type.Array(InboundRuleSchema, { maxItems: 50 }),
  outbound_rules: Type.Optional(Type.Array(OutboundRuleSchema, { maxItems: 50, description: 'Default: allow all outbound' })),
  apply_to: ApplyTo,
  labels: Type.Optional(LabelsSchema),
};

const FirewallName = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63 });

export const CreateFirewallBody = named('CreateFirewall', Type.Object({ name: FirewallName, ...ruleLists }, { additionalProperties: false }));
export const UpdateFirewallBody = named('UpdateFirewall', Type.Object({ name: FirewallName, ...ruleLists }, { additionalProperties: false, description: 'Replaces the whole firewall' }));
export const PatchFirewallBody = patchBody('PatchFirewall', { name: FirewallName, labels: LabelsPatchSchema });

export const FirewallList = pageOf('FirewallList', FirewallSchema);
export const ListFirewallsQuery = Type.Object({ ...labelSelectorQueryProperties, ...listQueryProperties }, { additionalProperties: false });

const EffectiveRule = (peers: 'sources' | 'destinations') =>
  Type.Object({ firewall_id: Type.String(), protocol: Protocol, ports: Type.Union([Type.String(), Type.Null()]), [peers]: Peers(peers) });

export const EffectiveRulesSchema = named(
  'InstanceFirewallRules',
  Type.Object({
    instance_id: Type.String(),
    default_inbound: Type.Literal('deny', { description: 'Inbound traffic no rule allows is denied' }),
    default_outbound: Type.Union([Type.Literal('allow'), Type.Literal('deny')], { description: 'allow when no firewall applies outbound rules' }),
    firewall_ids: Type.Array(Type.String()),
    inbound: Type.Array(EffectiveRule('sources')),
    outbound: Type.Array(EffectiveRule('destinations')),
  }),
);
