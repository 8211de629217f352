// buildApp: the whole API as a Fastify instance, without listening, so tests can inject requests.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { Database, Db } from './db/database.js';
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
import { AccountsStore } from './resources/accounts/store.js';
import { ApiKeysService } from './resources/api-keys/service.js';
import { ApiKeysStore } from './resources/api-keys/store.js';
import { KeyCache } from './resources/api-keys/key-cache.js';
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
import { PeriodicTasks } from './engine/periodic-tasks.js';
import { Worker } from './engine/worker.js';
import type { ComputeDriver } from './drivers/compute-driver.js';
import { createDrivers, type KnownResources } from './drivers/factory.js';
import { InstancesStore } from './resources/instances/store.js';
import { VolumesStore } from './resources/volumes/store.js';
import { SnapshotsStore } from './resources/snapshots/store.js';
import { LoadBalancersStore } from './resources/load-balancers/store.js';
import { DatabasesStore } from './resources/databases/store.js';
import { DatabaseBackupsStore } from './resources/databases/backups-store.js';
import type { DatabaseDriver } from './drivers/database-driver.js';
import { databaseActionHandlers } from './resources/databases/action-handlers.js';
import { DatabaseBackupScheduler } from './resources/databases/backup-scheduler.js';
import { DatabaseBackupsService } from './resources/databases/backups-service.js';
import { registerDatabaseRoutes } from './resources/databases/routes.js';
import { DatabasesService } from './resources/databases/service.js';
import { DatabaseUsersService } from './resources/databases/users-service.js';
import type { NetworkDriver } from './drivers/network-driver.js';
import { loadBalancerActionHandlers } from './resources/load-balancers/action-handlers.js';
import { registerLoadBalancerRoutes } from './resources/load-balancers/routes.js';
import { LoadBalancersService } from './resources/load-balancers/service.js';
import type { StorageDriver } from './drivers/storage-driver.js';
import { storageActionHandlers } from './resources/volumes/action-handlers.js';
import { registerVolumeRoutes } from './resources/volumes/routes.js';
import { NetworksService } from './resources/networks/service.js';
import { registerVpcRoutes } from './resources/vpcs/routes.js';
import { registerNetworkRoutes } from './resources/networks/routes.js';
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
import { registerDashboard } from './dashboard/register.js';
import { SessionsService } from './dashboard/sessions.js';
import { SessionsStore } from './dashboard/sessions-store.js';
import type { ScryptCost } from './resources/dashboard-users/passwords.js';
import { DashboardUsersService } from './resources/dashboard-users/service.js';
import { DashboardUsersStore } from './resources/dashboard-users/store.js';
import { EventsRecorder } from './resources/events/recorder.js';
import { EventRetention } from './resources/events/retention.js';
import { registerEventRoutes } from './resources/events/routes.js';
import { EventsService } from './resources/events/service.js';
import { DeliveryDispatcher } from './resources/webhooks/dispatcher.js';
import { registerWebhookRoutes } from './resources/webhooks/routes.js';
import { WebhookSender } from './resources/webhooks/sender.js';
import { WebhooksService } from './resources/webhooks/service.js';
import { TargetPolicy } from './resources/webhooks/target-policy.js';

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
  /** The scrypt cost of new dashboard passwords; tests pass a cheaper one than the default. */
  passwordCost?: ScryptCost;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs queued actions. Built with the app, started by whoever runs it (main, or a test). */
    worker: Worker;
    /** The engine's periodic tasks, started beside the worker by whoever runs it. */
    periodic: PeriodicTasks;
    /** Fires backup policies; a periodic task. */
    scheduler: BackupScheduler;
    /** Takes the databases' daily backups; a periodic task. */
    databaseBackups: DatabaseBackupScheduler;
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
  // With Redis, nodes share rate-limit counters and Redis announces revocations to the key cache;
  // without it, the database's stamp of other connections' commits voids that cache.
  const keyCache = new KeyCache(clock, deps.database.externalWrites ?? (config.redisUrl ? null : deps.database.writeStamp));
  const shared = config.redisUrl ? await connectSharedState(config.redisUrl, metrics, fastify.log, keyCache) : null;
  if (shared) fastify.addHook('onClose', () => shared.close());

  const accounts = new AccountsStore(db);
  const keys = new ApiKeysService(new ApiKeysStore(db), accounts, clock, { cache: keyCache, ...(shared ? { revocations: shared.revocations } : {}) });
  const cursors = new Cursors(config.cursorSecret ?? (await new SettingsStore(db).putIfAbsent('cursor_secret', randomBytes(32).toString('hex'))));

  // Injected drivers (tests) win over the configured ones.
  const drivers = await createDrivers(config, deps.database, clock, knownResources(db));
  if (drivers.close) fastify.addHook('onClose', drivers.close);
  const driver = deps.computeDriver ?? drivers.compute;
  const events = new EventsRecorder(clock);
  const sshKeys = new SshKeysService(new SshKeysStore(db), clock, events);
  const actions = new ActionsService(db, clock);
  metrics.watchQueue(() => queueStats(db, clock));
  const storage = deps.storageDriver ?? drivers.storage;
  const network = deps.networkDriver ?? drivers.network;
  const databaseDriver = deps.databaseDriver ?? drivers.database;
  const handlers = {
    ...instanceActionHandlers(db, driver, sshKeys, clock, events),
    ...storageActionHandlers(db, storage, clock, events),
    ...loadBalancerActionHandlers(db, network, clock, events),
    ...databaseActionHandlers(db, databaseDriver, clock, events),
  };
  // The host must match the database before the first action runs against it.
  if (drivers.reconcile) await drivers.reconcile(fastify.log);
  const worker = new Worker(deps.database, handlers, config.worker, clock, fastify.log);
  // Each periodic task on its own timer; the ones that keep a queue moving poll as often as the worker.
  const periodic = new PeriodicTasks(fastify.log);
  const pollMs = config.worker.pollMs;
  const poke = () => worker.poke();
  const vpcs = new VpcsService(deps.database, clock, events);
  const networks = new NetworksService(deps.database, clock, events);
  const instances = new InstancesService(deps.database, driver, sshKeys, actions, vpcs, networks, clock, events, poke);
  const volumes = new VolumesService(deps.database, actions, clock, events, poke);
  const snapshots = new SnapshotsService(deps.database, volumes, actions, clock, events, poke);
  const scheduler = new BackupScheduler(deps.database, actions, clock, events, fastify.log, poke);
  periodic.every(pollMs, 'backup policies', () => scheduler.tick());
  const targets = new TargetPolicy(config.webhooks.allowPrivate);
  const sender = new WebhookSender(targets, config.webhooks.caFile ? await fs.readFile(config.webhooks.caFile, 'utf8') : null);
  const deliveries = new DeliveryDispatcher(deps.database, sender, events, config.worker, clock, fastify.log);
  periodic.every(pollMs, 'webhook deliveries', () => deliveries.tick());
  periodic.onStop(() => deliveries.stop());
  const retention = new EventRetention(db, config.eventRetentionDays, clock);
  // Retention looks at the clock each time and prunes at most hourly by itself.
  periodic.every(pollMs, 'event retention', () => retention.tick());
  if (network.enforcesFirewalls) {
    const enforcer = new FirewallEnforcer(db, network, clock);
    periodic.every(pollMs, 'firewall enforcement', () => enforcer.tick());
  }
  fastify.decorate('scheduler', scheduler);
  const databases = new DatabasesService(deps.database, databaseDriver, actions, vpcs, networks, clock, events, poke);
  const databaseBackups = new DatabaseBackupScheduler(deps.database, actions, clock, fastify.log, poke);
  periodic.every(pollMs, 'database backups', () => databaseBackups.tick());
  fastify.decorate('databaseBackups', databaseBackups);
  fastify.decorate('worker', worker);
  fastify.decorate('periodic', periodic);
  fastify.addHook('onClose', async () => {
    await worker.stop();
    await periodic.stop();
  });

  registerErrorHandling(fastify, routeIndex);
  const limiter = new RateLimiter(deps.rateLimitStore ?? shared?.rateLimitStore ?? new MemoryRateLimitStore(), clock);
  registerAuth(fastify, keys, limiter);
  // After auth, so an answer from the cache is still authenticated, rate limited and region checked.
  if (config.responseCacheBytes > 0) {
    const counters = { hits: metrics.responseCacheHits, misses: metrics.responseCacheMisses };
    registerResponseCache(fastify, new ResponseCache(config.responseCacheBytes), deps.database.writeStamp, counters);
  }
  registerIdempotency(fastify, db, clock);
  registerCatalogRoutes(fastify, cursors);
  registerAccountRoutes(fastify, new AccountsService(accounts, new AccountUsage(db), clock));
  registerApiKeyRoutes(fastify, keys, cursors);
  registerSshKeyRoutes(fastify, sshKeys, cursors);
  registerInstanceRoutes(fastify, instances, cursors);
  registerVpcRoutes(fastify, vpcs, cursors);
  registerNetworkRoutes(fastify, networks, cursors);
  registerDashboard(fastify, {
    users: new DashboardUsersService(new DashboardUsersStore(db), accounts, clock, deps.passwordCost),
    sessions: new SessionsService(new SessionsStore(db), clock, { idleMs: config.dashboard.sessionIdleMs, absoluteMs: config.dashboard.sessionAbsoluteMs }),
    limiter,
    cursors,
    keys,
    instances,
    networks,
    volumes,
  });
  registerFirewallRoutes(fastify, new FirewallsService(db, deps.database.kind, instances, clock, events), cursors);
  registerLoadBalancerRoutes(fastify, new LoadBalancersService(deps.database, actions, clock, events, poke), cursors);
  registerVolumeRoutes(fastify, volumes, cursors);
  registerSnapshotRoutes(fastify, snapshots, cursors);
  registerBackupPolicyRoutes(fastify, new BackupPoliciesService(db, clock, events), cursors);
  registerDatabaseRoutes(fastify, databases, new DatabaseUsersService(deps.database, databases, clock), new DatabaseBackupsService(deps.database, databases), cursors);
  registerActionRoutes(fastify, actions, cursors);
  registerEventRoutes(fastify, new EventsService(db), cursors);
  registerWebhookRoutes(fastify, new WebhooksService(db, targets, clock, events), cursors);
  fastify.get('/v2/openapi.json', { schema: { hide: true } }, async () => openapi.document());
  registerHealthRoutes(fastify, { db, ...(shared ? { pingRedis: shared.ping } : {}) }, metrics);

  return fastify;
}

/** The ids of every resource a driver may hold on the host, for the linux driver's reconciliation. */
function knownResources(db: Db): KnownResources {
  return {
    instances: () => new InstancesStore(db).allIds(),
    volumes: () => new VolumesStore(db).allIds(),
    snapshots: () => new SnapshotsStore(db).allIds(),
    loadBalancers: () => new LoadBalancersStore(db).allIds(),
    databases: () => new DatabasesStore(db).allIds(),
    databaseBackups: () => new DatabaseBackupsStore(db).allIds(),
  };
}
