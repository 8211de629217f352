// buildApp: the whole API as a Fastify instance, without listening, so tests can inject requests.
// The resources come from the module list (resources/modules.ts); this file wires the HTTP layer,
// the engine and the drivers around them.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { Database } from './db/database.js';
import { SettingsStore } from './db/settings-store.js';
import { registerAuth } from './http/auth.js';
import { registerResponseCache, ResponseCache } from './http/response-cache.js';
import './http/route-config.js';
import { clientErrors, frameworkErrors, registerErrorHandling } from './http/error-handler.js';
import { newRequestId } from './http/errors.js';
import { RouteIndex } from './http/method-not-allowed.js';
import { OpenApiCollector } from './http/openapi.js';
import { Cursors } from './http/pagination.js';
import { registerValidators } from './http/validators.js';
import { registerBodyDeadline } from './http/body-deadline.js';
import { RateLimiter } from './http/rate-limit.js';
import { MemoryRateLimitStore, type RateLimitStore } from './http/rate-limit-store.js';
import type { TlsMaterial } from './http/tls.js';
import { KeyCache } from './resources/api-keys/key-cache.js';
import { ActionsService } from './resources/actions/service.js';
import { PeriodicTasks } from './engine/periodic-tasks.js';
import { Worker } from './engine/worker.js';
import type { ComputeDriver } from './drivers/compute-driver.js';
import { createDrivers } from './drivers/factory.js';
import type { DatabaseDriver } from './drivers/database-driver.js';
import type { FunctionDriver } from './drivers/function-driver.js';
import type { ContainerDriver } from './drivers/container-driver.js';
import type { NetworkDriver } from './drivers/network-driver.js';
import type { StorageDriver } from './drivers/storage-driver.js';
import { registerIdempotency } from './http/idempotency.js';
import { Metrics } from './http/metrics.js';
import { registerHealthRoutes } from './http/health.js';
import { registerDownloads } from './downloads/index.js';
import { connectSharedState } from './redis/shared-state.js';
import { queueStats } from './resources/actions/queue-stats.js';
import { dashboardModule } from './dashboard/module.js';
import type { ScryptCost } from './resources/dashboard-users/passwords.js';
import { EventsRecorder } from './resources/events/recorder.js';
import { buildModules, type ResourceModule } from './resources/module.js';
import { RESOURCE_MODULES } from './resources/modules.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppDeps {
  database: Database;
  /** The server only speaks HTTPS: there is no way to build it without a certificate. */
  tls: TlsMaterial;
  clock?: Clock;
  rateLimitStore?: RateLimitStore;
  /** Where logs go (stdout by default); tests read them back. */
  logStream?: { write(line: string): void };
  /** The compute and storage backends; by default the ones the configuration names. */
  computeDriver?: ComputeDriver;
  storageDriver?: StorageDriver;
  networkDriver?: NetworkDriver;
  databaseDriver?: DatabaseDriver;
  functionDriver?: FunctionDriver;
  containerDriver?: ContainerDriver;
  /** The scrypt cost of new dashboard passwords; tests pass a cheaper one than the default. */
  passwordCost?: ScryptCost;
  /** The resource modules; RESOURCE_MODULES unless a test adds one of its own. */
  modules?: readonly ResourceModule[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs queued actions. Built with the app, started by whoever runs it (main, or a test). */
    worker: Worker;
    /** The modules' periodic tasks, started beside the worker by whoever runs it. */
    periodic: PeriodicTasks;
  }
}

export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const { db } = deps.database;
  const fastify = Fastify({
    // Node checks for overdue requests every connectionsCheckingInterval (30 s by default): check
    // often enough that the request timeout is kept to within a second.
    https: { cert: deps.tls.cert, key: deps.tls.key, connectionsCheckingInterval: Math.min(1000, config.timeouts.requestMs) },
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: newRequestId,
    // Slow clients (slowloris) are cut off: a request must arrive whole in time, and a connection
    // that sits idle is closed, so neither can hold a socket forever.
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.idleMs,
    frameworkErrors,
    clientErrorHandler: clientErrors,
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
  });
  // Only JSON bodies: anything else is a 415.
  fastify.removeContentTypeParser(['text/plain']);
  // PATCH bodies are JSON merge-patches (RFC 7396): their own media type is JSON too, parsed alike.
  fastify.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));

  registerBodyDeadline(fastify, config.timeouts.requestMs);
  registerValidators(fastify);
  const routeIndex = new RouteIndex();
  routeIndex.watch(fastify);
  const openapi = new OpenApiCollector();
  openapi.watch(fastify);

  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  const metrics = new Metrics();
  metrics.observe(fastify);
  // With Redis, nodes share rate-limit counters and Redis announces revocations to the key cache;
  // without it, the database's stamp of other connections' commits voids that cache.
  const keyCache = new KeyCache(clock, deps.database.externalWrites ?? (config.redisUrl ? null : deps.database.writeStamp));
  const shared = config.redisUrl ? await connectSharedState(config.redisUrl, metrics, fastify.log, keyCache) : null;
  if (shared) fastify.addHook('onClose', () => shared.close());

  const cursors = new Cursors(config.cursorSecret ?? (await new SettingsStore(db).putIfAbsent('cursor_secret', randomBytes(32).toString('hex'))));
  const limiter = new RateLimiter(deps.rateLimitStore ?? shared?.rateLimitStore ?? new MemoryRateLimitStore(), clock);

  const configured = await createDrivers(config, deps.database, clock);
  if (configured.close) fastify.addHook('onClose', configured.close);
  // Injected drivers (tests) win over the configured ones.
  const drivers = {
    compute: deps.computeDriver ?? configured.compute,
    storage: deps.storageDriver ?? configured.storage,
    network: deps.networkDriver ?? configured.network,
    database: deps.databaseDriver ?? configured.database,
    function: deps.functionDriver ?? configured.function,
    container: deps.containerDriver ?? configured.container,
  };
  // The worker is made once the modules have handed over their action handlers; until then
  // nothing can enqueue, so nothing pokes.
  let worker: Worker | undefined;
  const modules = buildModules([...(deps.modules ?? RESOURCE_MODULES), dashboardModule({ limiter, ...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}) })], {
    config,
    database: deps.database,
    db,
    clock,
    log: fastify.log,
    drivers,
    events: new EventsRecorder(clock),
    actions: new ActionsService(db, clock),
    cursors,
    keyCache,
    shared,
    poke: () => worker?.poke(),
  });

  // The host must match the database before the first action runs against it.
  if (configured.reconcile) await configured.reconcile(modules.heldOnHost, fastify.log);
  worker = new Worker(deps.database, modules.actionHandlers, config.worker, clock, fastify.log);
  metrics.watchQueue(() => queueStats(db, clock));
  const periodic = new PeriodicTasks(fastify.log);
  for (const task of modules.periodicTasks) periodic.add(task);
  const running = worker;
  fastify.decorate('worker', running);
  fastify.decorate('periodic', periodic);
  fastify.addHook('onClose', async () => {
    await running.stop();
    await periodic.stop();
  });

  registerErrorHandling(fastify, routeIndex);
  registerAuth(fastify, modules.service('api-keys'), limiter);
  // After auth, so an answer from the cache is still authenticated, rate limited and region checked.
  if (config.responseCacheBytes > 0) {
    const counters = { hits: metrics.responseCacheHits, misses: metrics.responseCacheMisses };
    registerResponseCache(fastify, new ResponseCache(config.responseCacheBytes), deps.database, counters);
  }
  registerIdempotency(fastify, db, clock);
  for (const routes of modules.routes) routes(fastify);
  fastify.get('/v2/openapi.json', { schema: { hide: true } }, async () => openapi.document());
  registerHealthRoutes(fastify, { db, ...(shared ? { pingRedis: shared.ping } : {}) }, metrics);
  registerDownloads(fastify, { dir: config.downloadsDir, selfSignedCert: config.tls ? null : deps.tls.cert });

  return fastify;
}
