// The firewalls module: rules over instances, enforced on the host by drivers that can.
import type { PeriodicTask } from '../../engine/periodic-tasks.js';
import { defineModule } from '../module.js';
import { FirewallEnforcer } from './enforcer.js';
import { registerFirewallRoutes } from './routes.js';
import { FirewallsService } from './service.js';

declare module '../module.js' {
  interface Services {
    firewalls: FirewallsService;
  }
}

export const firewallsModule = defineModule('firewalls', (context) => {
  const { db, drivers, clock, config, cursors, service } = context;
  const firewalls = new FirewallsService(context, { instances: service('instances') });
  const periodicTasks: PeriodicTask[] = [];
  if (drivers.network.enforcesFirewalls) {
    const enforcer = new FirewallEnforcer(db, drivers.network, clock);
    periodicTasks.push({ name: 'firewall enforcement', everyMs: config.worker.pollMs, run: () => enforcer.tick() });
  }
  return { service: firewalls, routes: (app) => registerFirewallRoutes(app, firewalls, cursors), periodicTasks };
});
