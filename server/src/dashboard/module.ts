// The dashboard as one entry of the app's module list: its sign-in, sessions and pages (which call
// /v2 with the session), and its own API-key endpoints over the API keys module's service.
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
    return { routes: (app) => registerDashboard(app, { users, sessions, limiter, cursors, keys: service('api-keys') }) };
  });
}
