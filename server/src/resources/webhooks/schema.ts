import Type from 'typebox';
import { named, pageOf } from '../../http/schemas.js';
import { EVENT_PATTERN } from '../events/types.js';
import { DELIVERY_STATUSES } from './deliveries-store.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });

const webhookProperties = {
  id: Type.String({ examples: ['wh_8f9a2b3c4d5e6f70'] }),
  url: Type.String({ examples: ['https://hooks.example.com/cloudnexus'] }),
  description: Type.String(),
  event_types: Type.Array(Type.String(), { description: 'The event types sent: exact (`instance.created`) or prefixes (`instance.*`, `*`)' }),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')], { description: 'Disabled by its owner, or by CloudNexus after 24 hours of failed deliveries' }),
  disabled_reason: Type.Union([Type.String(), Type.Null()]),
  created_at: Time('When the webhook was created'),
  updated_at: Time('When the webhook last changed'),
};

export const WebhookSchema = named('Webhook', Type.Object(webhookProperties));

export const CreatedWebhookSchema = named(
  'CreatedWebhook',
  Type.Object({
    ...webhookProperties,
    secret: Type.Union([Type.String(), Type.Null()], {
      description: 'The signing secret (`whsec_…`), shown only in this response; null when an Idempotency-Key replays it',
    }),
  }),
);

export const WebhookList = pageOf('WebhookList', WebhookSchema);

const EventTypes = Type.Array(Type.String({ pattern: EVENT_PATTERN.source, maxLength: 64 }), { minItems: 1, maxItems: 100, examples: [['instance.*', 'volume.attached']] });
const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'An https:// URL on a public address' });

export const CreateWebhookBody = named(
  'CreateWebhook',
  Type.Object(
    {
      url: Url,
      event_types: EventTypes,
      description: Type.Optional(Type.String({ maxLength: 500 })),
      enabled: Type.Optional(Type.Boolean({ default: true })),
    },
    { additionalProperties: false },
  ),
);

export const UpdateWebhookBody = named(
  'UpdateWebhook',
  Type.Object(
    {
      url: Type.Optional(Url),
      event_types: Type.Optional(EventTypes),
      description: Type.Optional(Type.String({ maxLength: 500 })),
      enabled: Type.Optional(Type.Boolean({ description: 'true re-enables a webhook that was disabled' })),
    },
    { additionalProperties: false },
  ),
);

export const DeliverySchema = named(
  'WebhookDelivery',
  Type.Object({
    id: Type.String({ examples: ['whd_8f9a2b3c4d5e6f70'] }),
    event_id: Type.String({ description: 'Also sent as the CloudNexus-Event-Id header, so receivers can drop duplicates' }),
    attempt: Type.Integer({ minimum: 1 }),
    status: Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s))),
    response_status: Type.Union([Type.Integer(), Type.Null()], { description: 'The HTTP status the endpoint answered; null if it never answered' }),
    duration_ms: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()], { description: 'Why the attempt failed' }),
    scheduled_at: Time('When the attempt was due'),
    attempted_at: Type.Union([Time('When the attempt was made'), Type.Null()]),
  }),
);

export const DeliveryList = pageOf('WebhookDeliveryList', DeliverySchema);

export const TestEventAccepted = named(
  'WebhookTestAccepted',
  Type.Object({ event_id: Type.String({ description: 'The `webhook.test` event queued for delivery' }) }),
);
