import type { CreateWebhook, UpdateWebhook } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { columns } from '../output/table.js';
import { createCommand, deleteCommand, listCommand, showCommand, subListCommand, updateCommand } from './builders.js';
import type { Field } from './fields.js';

const COLUMNS = columns('id', 'url', 'event_types', 'status', 'created_at');
const DELIVERY_COLUMNS = columns('id', 'event_id', 'attempt', 'status', 'response_status', 'duration_ms', 'attempted_at', 'error');
const NOUN = 'webhook';

const FIELDS: Field[] = [
  { flags: '--url <url>', field: 'url', description: 'an https:// URL on a public address' },
  { flags: '--event-type <type>', field: 'event_types', description: 'event type to send: exact, prefix.* or * (repeatable)', kind: 'list' },
  { flags: '--description <text>', field: 'description', description: 'free text' },
  { flags: '--enabled <bool>', field: 'enabled', description: 'true or false; true re-enables a disabled webhook', kind: 'boolean' },
];
const REQUIRED = new Set(['url', 'event_types']);

export function webhooksCommand(): Command {
  const group = new Command('webhooks').description('signed HTTPS callbacks for events');
  listCommand(group, { description: 'list webhooks, newest first', columns: COLUMNS, list: (sdk, query) => sdk.webhooks.list(query) });
  showCommand(group, { description: 'show one webhook', noun: NOUN, show: (sdk, id) => sdk.webhooks.retrieve(id) });
  createCommand(group, {
    description: 'create a webhook; its signing secret is shown this once',
    noun: NOUN,
    fields: FIELDS.map((field) => ({ ...field, required: REQUIRED.has(field.field) })),
    create: (sdk, body, options) => sdk.webhooks.create(body as CreateWebhook, options),
  });
  updateCommand(group, { description: 'change a webhook (only the flags given)', noun: NOUN, fields: FIELDS, update: (sdk, id, body) => sdk.webhooks.update(id, body as UpdateWebhook) });
  deleteCommand(group, { description: 'delete a webhook', noun: NOUN, delete: (sdk, id) => sdk.webhooks.delete(id) });
  subListCommand(group, { name: 'deliveries', description: "list a webhook's delivery attempts, newest first", noun: NOUN, columns: DELIVERY_COLUMNS, list: (sdk, id, params) => sdk.webhooks.deliveries(id, params) });
  showCommand(group, { name: 'test', description: 'send a webhook.test event to this webhook alone', noun: NOUN, show: (sdk, id) => sdk.webhooks.test(id) });
  return group;
}
