// The browser-facing part of the server: the dashboard (its pages and JSON endpoints under
// /dashboard) and the API playground (/playground). Hidden from the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { Cursors } from '../http/pagination.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { DashboardUsersService } from '../resources/dashboard-users/service.js';
import { registerDashboardApiRoutes, type DashboardServices } from './api-routes.js';
import { registerPages } from './pages.js';
import { setSecurityHeaders } from './security-headers.js';
import { registerSessionAuth } from './session-auth.js';
import { registerSessionRoutes } from './session-routes.js';
import type { SessionsService } from './sessions.js';

export interface DashboardDeps extends DashboardServices {
  users: DashboardUsersService;
  sessions: SessionsService;
  limiter: RateLimiter;
  cursors: Cursors;
}

const BROWSER_PATH = /^\/(dashboard|playground)(\/|\?|$)/;

export function registerDashboard(app: FastifyInstance, deps: DashboardDeps): void {
  // Errors and 404s under these paths get the headers too, so every browser-facing answer does.
  app.addHook('onSend', async (request, reply) => {
    if (!BROWSER_PATH.test(request.url)) return;
    setSecurityHeaders(reply);
    // Answers that depend on the session must never be cached (pages are revalidated by ETag).
    if (request.url.startsWith('/dashboard/api/')) reply.header('Cache-Control', 'no-store');
  });
  registerSessionAuth(app, deps.sessions, deps.limiter);
  registerSessionRoutes(app, deps.users, deps.sessions, deps.limiter);
  registerDashboardApiRoutes(app, deps, deps.cursors);
  registerPages(app);
}
