// The events module: the account's audit feed, and the task that prunes it.
import { defineModule } from '../module.js';
import { EventRetention } from './retention.js';
import { registerEventRoutes } from './routes.js';
import { EventsService } from './service.js';

declare module '../module.js' {
  interface Services {
    events: EventsService;
  }
}

export const eventsModule = defineModule('events', ({ db, clock, config, cursors }) => {
  const events = new EventsService(db);
  // Retention looks at the clock each time and prunes at most hourly by itself.
  const retention = new EventRetention(db, config.eventRetentionDays, clock);
  return {
    service: events,
    routes: (app) => registerEventRoutes(app, events, cursors),
    periodicTasks: [{ name: 'event retention', everyMs: config.worker.pollMs, run: () => retention.tick() }],
  };
});
