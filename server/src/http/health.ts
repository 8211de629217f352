// Operations endpoints, outside /v2 and the OpenAPI document, without auth or rate limits:
// liveness for the process supervisor, readiness for the load balancer, metrics for Prometheus.
// Expose them on the internal network only (see docs/deploy.md).
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { envelope } from '../errors/api-error.js';
import type { Metrics } from './metrics.js';

export interface Dependencies {
  db: Db;
  /** Throws unless Redis answers; absent on a single node. */
  pingRedis?: () => Promise<void>;
}

export function registerHealthRoutes(app: FastifyInstance, deps: Dependencies, metrics: Metrics): void {
  const hide = { schema: { hide: true } };

  app.get('/healthz', hide, async () => ({ status: 'ok' }));

  app.get('/readyz', hide, async (request, reply) => {
    const failing: { field: string; message: string }[] = [];
    await sql`SELECT 1`.execute(deps.db).catch(() => failing.push({ field: 'database', message: 'Database unreachable' }));
    await deps.pingRedis?.().catch(() => failing.push({ field: 'redis', message: 'Redis unreachable' }));
    if (failing.length === 0) return { status: 'ready' };
    return reply.status(503).send(envelope('unavailable', 'Not ready', failing, request.id));
  });

  app.get('/metrics', hide, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
