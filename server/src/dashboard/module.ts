// The dashboard as one entry of the app's module list: its sign-in, sessions and pages, over the
// services of the resource modules.
import type { RateLimiter } from '../http/rate-limit.js';
import { accountLookup } from '../resources/accounts/queries.js';
import type { ScryptCost } from '../resources/dashboard-users/passwords.js';
import { DashboardUsersService } from '../resources/dashboard-users/service.js';
import { DashboardUsersStore } from '../resources/dashboard-users/store.js';
import { defineModule, type ResourceModule } from '../resources/module.js';
import { registerDashboard } from './register.js';
import { SessionsService } from './sessions.js';
import { SessionsStore } from './sessions-store.js';

export interface DashboardOptions {
  /** Sign-in attempts are rate limited like API requests. */
  limiter: RateLimiter;
  /** The scrypt cost of new passwords; tests pass a cheaper one than the default. */
  passwordCost?: ScryptCost;
}

export function dashboardModule({ limiter, passwordCost }: DashboardOptions): ResourceModule {
  return defineModule('dashboard', ({ db, clock, config, cursors, service }) => {
    const users = new DashboardUsersService(new DashboardUsersStore(db), accountLookup(db), clock, passwordCost);
    const sessions = new SessionsService(new SessionsStore(db), clock, { idleMs: config.dashboard.sessionIdleMs, absoluteMs: config.dashboard.sessionAbsoluteMs });
    const services = { keys: service('api-keys'), instances: service('instances'), networks: service('networks'), volumes: service('volumes') };
    return { routes: (app) => registerDashboard(app, { users, sessions, limiter, cursors, ...services }) };
  });
}
