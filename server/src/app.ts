// buildApp: the whole API as a Fastify instance, without listening, so tests can inject requests.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { Database } from './db/database.js';
import { SettingsStore } from './db/settings-store.js';
import { registerAuth } from './http/auth.js';
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
import { AccountsStore } from './resources/accounts/store.js';
import { ApiKeysService } from './resources/api-keys/service.js';
import { ApiKeysStore } from './resources/api-keys/store.js';
import { registerApiKeyRoutes } from './resources/api-keys/routes.js';
import { registerSshKeyRoutes } from './resources/ssh-keys/routes.js';
import { SshKeysService } from './resources/ssh-keys/service.js';
import { SshKeysStore } from './resources/ssh-keys/store.js';
import { registerAccountRoutes } from './resources/accounts/routes.js';
import { AccountsService } from './resources/accounts/service.js';
import { registerActionRoutes } from './resources/actions/routes.js';
import { ActionsService } from './resources/actions/service.js';
import { instanceActionHandlers } from './resources/instances/action-handlers.js';
import { registerInstanceRoutes } from './resources/instances/routes.js';
import { InstancesService } from './resources/instances/service.js';
import { Worker } from './engine/worker.js';
import type { ComputeDriver } from './drivers/compute-driver.js';
import { createDrivers } from './drivers/factory.js';
import type { NetworkDriver } from './drivers/network-driver.js';
import { loadBalancerActionHandlers } from './resources/load-balancers/action-handlers.js';
import { registerLoadBalancerRoutes } from './resources/load-balancers/routes.js';
import { LoadBalancersService } from './resources/load-balancers/service.js';
import type { StorageDriver } from './drivers/storage-driver.js';
import { storageActionHandlers } from './resources/volumes/action-handlers.js';
import { registerVolumeRoutes } from './resources/volumes/routes.js';
import { NetworksService } from './resources/networks/service.js';
import { registerNetworkingRoutes } from './resources/vpcs/routes.js';
import { registerFirewallRoutes } from './resources/firewalls/routes.js';
import { FirewallsService } from './resources/firewalls/service.js';
import { FirewallEnforcer } from './resources/firewalls/enforcer.js';
import { VpcsService } from './resources/vpcs/service.js';
import { VolumesService } from './resources/volumes/service.js';
import { registerSnapshotRoutes } from './resources/snapshots/routes.js';
import { SnapshotsService } from './resources/snapshots/service.js';
import { registerBackupPolicyRoutes } from './resources/backup-policies/routes.js';
import { BackupScheduler } from './resources/backup-policies/scheduler.js';
import { BackupPoliciesService } from './resources/backup-policies/service.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerCatalogRoutes } from './resources/catalog/routes.js';
import { AccountUsage } from './resources/accounts/usage.js';
import { Metrics } from './http/metrics.js';
import { registerHealthRoutes } from './http/health.js';
import { connectSharedState } from './redis/shared-state.js';
import { queueStats } from './resources/actions/queue-stats.js';

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
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs queued actions. Built with the app, started by whoever runs it (main, or a test). */
    worker: Worker;
    /** Fires backup policies; runs on every worker tick. */
    scheduler: BackupScheduler;
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
  // With Redis, nodes share rate-limit counters and revocations; without it, this node is alone.
  const shared = config.redisUrl ? await connectSharedState(config.redisUrl, metrics, fastify.log, clock) : null;
  if (shared) fastify.addHook('onClose', () => shared.close());

  const accounts = new AccountsStore(db);
  const keys = new ApiKeysService(new ApiKeysStore(db), accounts, clock, shared ? { cache: shared.keyCache, revocations: shared.revocations } : {});
  const cursors = new Cursors(config.cursorSecret ?? (await new SettingsStore(db).putIfAbsent('cursor_secret', randomBytes(32).toString('hex'))));

  // Injected drivers (tests) win over the configured ones.
  const drivers = createDrivers(config, db, clock);
  if (drivers.close) fastify.addHook('onClose', drivers.close);
  const driver = deps.computeDriver ?? drivers.compute;
  const sshKeys = new SshKeysService(new SshKeysStore(db), clock);
  const actions = new ActionsService(db, clock);
  metrics.watchQueue(() => queueStats(db, clock));
  const storage = deps.storageDriver ?? drivers.storage;
  const network = deps.networkDriver ?? drivers.network;
  const handlers = {
    ...instanceActionHandlers(db, driver, sshKeys, clock),
    ...storageActionHandlers(db, storage, clock),
    ...loadBalancerActionHandlers(db, network, clock),
  };
  // The host must match the database before the first action runs against it.
  if (drivers.reconcile) await drivers.reconcile(fastify.log);
  const worker = new Worker(deps.database, handlers, config.worker, clock, fastify.log);
  const poke = () => worker.poke();
  const vpcs = new VpcsService(deps.database, clock);
  const networks = new NetworksService(deps.database, clock);
  const instances = new InstancesService(deps.database, driver, sshKeys, actions, vpcs, networks, clock, poke);
  const volumes = new VolumesService(deps.database, actions, clock, poke);
  const snapshots = new SnapshotsService(deps.database, volumes, actions, clock, poke);
  const scheduler = new BackupScheduler(deps.database, actions, clock, fastify.log, poke);
  worker.every(() => scheduler.tick());
  if (network.enforcesFirewalls) {
    const enforcer = new FirewallEnforcer(db, network, clock);
    worker.every(() => enforcer.tick());
  }
  fastify.decorate('scheduler', scheduler);
  fastify.decorate('worker', worker);
  fastify.addHook('onClose', () => worker.stop());

  registerErrorHandling(fastify, routeIndex);
  registerAuth(fastify, keys, new RateLimiter(deps.rateLimitStore ?? shared?.rateLimitStore ?? new MemoryRateLimitStore(), clock));
  registerIdempotency(fastify, db, clock);
  registerCatalogRoutes(fastify, cursors);
  registerAccountRoutes(fastify, new AccountsService(accounts, new AccountUsage(db), clock));
  registerApiKeyRoutes(fastify, keys, cursors);
  registerSshKeyRoutes(fastify, sshKeys, cursors);
  registerInstanceRoutes(fastify, instances, cursors);
  registerNetworkingRoutes(fastify, vpcs, networks, cursors);
  registerFirewallRoutes(fastify, new FirewallsService(db, deps.database.kind, instances, clock), cursors);
  registerLoadBalancerRoutes(fastify, new LoadBalancersService(deps.database, actions, clock, poke), cursors);
  registerVolumeRoutes(fastify, volumes, snapshots, cursors);
  registerSnapshotRoutes(fastify, snapshots, cursors);
  registerBackupPolicyRoutes(fastify, new BackupPoliciesService(db, clock), cursors);
  registerActionRoutes(fastify, actions, cursors);
  fastify.get('/v2/openapi.json', { schema: { hide: true } }, async () => openapi.document());
  registerHealthRoutes(fastify, { db, ...(shared ? { pingRedis: shared.ping } : {}) }, metrics);

  return fastify;
}
