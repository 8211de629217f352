// The webhooks module: endpoints that receive the account's events, and the task delivering them.
import fs from 'node:fs';
import { defineModule } from '../module.js';
import { DeliveryDispatcher } from './dispatcher.js';
import { registerWebhookRoutes } from './routes.js';
import { WebhookSender } from './sender.js';
import { WebhooksService } from './service.js';
import { TargetPolicy } from './target-policy.js';

declare module '../module.js' {
  interface Services {
    webhooks: WebhooksService;
  }
}

// The CA file is read once, at start-up, before the server listens.
export const webhooksModule = defineModule('webhooks', (context) => {
  const { database, clock, events, config, log, cursors } = context;
  const policy = new TargetPolicy(config.webhooks.allowPrivate);
  const sender = new WebhookSender(policy, config.webhooks.caFile ? fs.readFileSync(config.webhooks.caFile, 'utf8') : null);
  const dispatcher = new DeliveryDispatcher(database, sender, events, config.worker, clock, log);
  const webhooks = new WebhooksService(context, { policy });
  return {
    service: webhooks,
    routes: (app) => registerWebhookRoutes(app, webhooks, cursors),
    periodicTasks: [{ name: 'webhook deliveries', everyMs: config.worker.pollMs, run: () => dispatcher.tick(), stop: () => dispatcher.stop() }],
  };
});
