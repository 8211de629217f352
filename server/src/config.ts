// The only module that reads the environment. Everything else receives a frozen Config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCidr } from './net/cidr.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Where function sources are unpacked, one folder per version: `<data dir>/functions`. */
  readonly functionsDir: string;
  readonly database: DatabaseTarget;
  /** PostgreSQL connection pool settings (ignored on SQLite). */
  readonly postgres: PostgresSettings;
  /** Shared rate-limit counters and API-key cache invalidation across nodes; null on a single node. */
  readonly redisUrl: string | null;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  readonly logLevel: LogLevel;
  /** Signs pagination cursors. When unset, a secret generated once is kept in the database. */
  readonly cursorSecret: string | null;
  readonly driver: DriverName;
  /** How long each simulated driver step takes. */
  readonly simDelayMs: number;
  /** How long a graceful shutdown waits for an instance's OS to stop before powering it off (under the action lease). */
  readonly shutdownTimeoutMs: number;
  readonly timeouts: {
    /** Longest a client may take to send a whole request (headers and body); then 408 and close. */
    readonly requestMs: number;
    /** Longest a connection may sit idle (no bytes either way) before it is closed. */
    readonly idleMs: number;
  };
  readonly dashboard: {
    /** A dashboard session unused this long ends. */
    readonly sessionIdleMs: number;
    /** A dashboard session ends this long after sign-in, however active. */
    readonly sessionAbsoluteMs: number;
  };
  readonly worker: {
    /** Actions one process runs at once. */
    readonly concurrency: number;
    /** How long a claimed action stays claimed; after a crash, others retry it once this passes. */
    readonly leaseMs: number;
    /** How often an idle worker looks for due work. */
    readonly pollMs: number;
  };
  /** Days events are kept before the engine prunes them. */
  readonly eventRetentionDays: number;
  /** Memory for reusable read answers; 0 turns the response cache off. */
  readonly responseCacheBytes: number;
  /** The artifacts `npm run dist` builds, which the server hosts at /install.sh and /downloads. */
  readonly downloadsDir: string;
  readonly webhooks: {
    /**
     * Deliver to loopback, private, link-local and other internal addresses. Off by default, so a
     * webhook cannot make the server reach into the network it runs in (SSRF).
     */
    readonly allowPrivate: boolean;
    /** A PEM file of extra certificate authorities trusted for webhook endpoints (e.g. a private CA). */
    readonly caFile: string | null;
  };
  /** Where reserved IPs come from: a CIDR the host routes to instances (network and broadcast are never handed out). */
  readonly publicIpPool: string;
  /** Lets instances reach out through the host (outbound NAT, linux driver); off by default. */
  readonly instanceEgress: boolean;
  /** The largest container image archive an upload may send (1 GiB by default). */
  readonly containerImageMaxBytes: number;
}

export interface PostgresSettings {
  /** Connections one process keeps open at most. */
  readonly poolMax: number;
  /** Longest a single statement may run before PostgreSQL cancels it. */
  readonly statementTimeoutMs: number;
}

/** `sim` keeps machines in the database; `linux` runs them for real on this host (root only). */
export const DRIVERS = ['sim', 'linux'] as const;
export type DriverName = (typeof DRIVERS)[number];

/** Variable name → the CLI flag that overrides it (`--port 9443` beats CLOUDNEXUS_PORT). */
export const CONFIG_VARIABLES = {
  CLOUDNEXUS_HOST: 'host',
  CLOUDNEXUS_PORT: 'port',
  CLOUDNEXUS_DATA_DIR: 'data-dir',
  DATABASE_URL: 'database-url',
  CLOUDNEXUS_DB_POOL_MAX: 'db-pool-max',
  CLOUDNEXUS_DB_STATEMENT_TIMEOUT_MS: 'db-statement-timeout-ms',
  REDIS_URL: 'redis-url',
  CLOUDNEXUS_TLS_CERT: 'tls-cert',
  CLOUDNEXUS_TLS_KEY: 'tls-key',
  CLOUDNEXUS_LOG_LEVEL: 'log-level',
  CLOUDNEXUS_CURSOR_SECRET: 'cursor-secret',
  CLOUDNEXUS_DRIVER: 'driver',
  CLOUDNEXUS_SIM_DELAY_MS: 'sim-delay-ms',
  CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS: 'shutdown-timeout-ms',
  CLOUDNEXUS_WORKER_CONCURRENCY: 'worker-concurrency',
  CLOUDNEXUS_ACTION_LEASE_MS: 'action-lease-ms',
  CLOUDNEXUS_WORKER_POLL_MS: 'worker-poll-ms',
  CLOUDNEXUS_REQUEST_TIMEOUT_MS: 'request-timeout-ms',
  CLOUDNEXUS_IDLE_TIMEOUT_MS: 'idle-timeout-ms',
  CLOUDNEXUS_SESSION_IDLE_MINUTES: 'session-idle-minutes',
  CLOUDNEXUS_SESSION_MAX_HOURS: 'session-max-hours',
  CLOUDNEXUS_EVENT_RETENTION_DAYS: 'event-retention-days',
  CLOUDNEXUS_RESPONSE_CACHE_MB: 'response-cache-mb',
  CLOUDNEXUS_WEBHOOK_ALLOW_PRIVATE: 'webhook-allow-private',
  CLOUDNEXUS_WEBHOOK_CA_FILE: 'webhook-ca-file',
  CLOUDNEXUS_DOWNLOADS_DIR: 'downloads-dir',
  CLOUDNEXUS_PUBLIC_IP_POOL: 'public-ip-pool',
  CLOUDNEXUS_INSTANCE_EGRESS: 'instance-egress',
  CLOUDNEXUS_CONTAINER_IMAGE_MAX_MB: 'container-image-max-mb',
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;
export type ConfigSource = Partial<Record<ConfigVariable, string | undefined>>;

/** The repository's dist/, two levels above this file both in src/ and in the built dist/. */
const REPOSITORY_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

/** Reads `source` (by default the process environment, with `overrides` on top), validates and freezes it. */
export function loadConfig(overrides: ConfigSource = {}, source: ConfigSource = process.env): Config {
  const read = (name: ConfigVariable): string | undefined => {
    const value = overrides[name] ?? source[name];
    return value === undefined || value === '' ? undefined : value;
  };

  const dataDir = path.resolve(read('CLOUDNEXUS_DATA_DIR') ?? './data');
  const certFile = read('CLOUDNEXUS_TLS_CERT');
  const keyFile = read('CLOUDNEXUS_TLS_KEY');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigError('CLOUDNEXUS_TLS_CERT and CLOUDNEXUS_TLS_KEY must be set together');
  }
  const webhookCaFile = read('CLOUDNEXUS_WEBHOOK_CA_FILE');
  const cursorSecret = read('CLOUDNEXUS_CURSOR_SECRET') ?? null;
  if (cursorSecret !== null && cursorSecret.length < 32) {
    throw new ConfigError('CLOUDNEXUS_CURSOR_SECRET must be at least 32 characters');
  }

  const worker = Object.freeze({
    concurrency: parseInteger('CLOUDNEXUS_WORKER_CONCURRENCY', read('CLOUDNEXUS_WORKER_CONCURRENCY') ?? '8', 1, 256),
    leaseMs: parseInteger('CLOUDNEXUS_ACTION_LEASE_MS', read('CLOUDNEXUS_ACTION_LEASE_MS') ?? '30000', 100, 3_600_000),
    pollMs: parseInteger('CLOUDNEXUS_WORKER_POLL_MS', read('CLOUDNEXUS_WORKER_POLL_MS') ?? '500', 5, 60_000),
  });
  // The wait happens inside one action, and leases are not renewed: a longer wait would let a
  // second worker retry the shutdown while the first still waits.
  const shutdownTimeoutMs = parseInteger('CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS', read('CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS') ?? String(defaultShutdownTimeoutMs(worker.leaseMs)), 0, 600_000);
  if (shutdownTimeoutMs >= worker.leaseMs) {
    throw new ConfigError(`CLOUDNEXUS_SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMs}) must be less than CLOUDNEXUS_ACTION_LEASE_MS (${worker.leaseMs})`);
  }

  return Object.freeze({
    host: read('CLOUDNEXUS_HOST') ?? '127.0.0.1',
    port: parseInteger('CLOUDNEXUS_PORT', read('CLOUDNEXUS_PORT') ?? '8443', 0, 65535),
    dataDir,
    functionsDir: path.join(dataDir, 'functions'),
    database: Object.freeze(parseDatabaseUrl(read('DATABASE_URL'), dataDir)),
    postgres: Object.freeze({
      poolMax: parseInteger('CLOUDNEXUS_DB_POOL_MAX', read('CLOUDNEXUS_DB_POOL_MAX') ?? '10', 1, 1000),
      statementTimeoutMs: parseInteger('CLOUDNEXUS_DB_STATEMENT_TIMEOUT_MS', read('CLOUDNEXUS_DB_STATEMENT_TIMEOUT_MS') ?? '30000', 100, 3_600_000),
    }),
    redisUrl: parseRedisUrl(read('REDIS_URL')),
    tls: certFile && keyFile ? Object.freeze({ certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) }) : null,
    logLevel: parseLogLevel(read('CLOUDNEXUS_LOG_LEVEL') ?? 'info'),
    cursorSecret,
    driver: parseDriver(read('CLOUDNEXUS_DRIVER') ?? 'sim'),
    simDelayMs: parseInteger('CLOUDNEXUS_SIM_DELAY_MS', read('CLOUDNEXUS_SIM_DELAY_MS') ?? '2000', 0, 600_000),
    shutdownTimeoutMs,
    timeouts: Object.freeze({
      requestMs: parseInteger('CLOUDNEXUS_REQUEST_TIMEOUT_MS', read('CLOUDNEXUS_REQUEST_TIMEOUT_MS') ?? '30000', 100, 600_000),
      idleMs: parseInteger('CLOUDNEXUS_IDLE_TIMEOUT_MS', read('CLOUDNEXUS_IDLE_TIMEOUT_MS') ?? '60000', 100, 3_600_000),
    }),
    dashboard: Object.freeze({
      sessionIdleMs: parseInteger('CLOUDNEXUS_SESSION_IDLE_MINUTES', read('CLOUDNEXUS_SESSION_IDLE_MINUTES') ?? '30', 1, 1440) * 60_000,
      sessionAbsoluteMs: parseInteger('CLOUDNEXUS_SESSION_MAX_HOURS', read('CLOUDNEXUS_SESSION_MAX_HOURS') ?? '12', 1, 720) * 3_600_000,
    }),
    worker,
    eventRetentionDays: parseInteger('CLOUDNEXUS_EVENT_RETENTION_DAYS', read('CLOUDNEXUS_EVENT_RETENTION_DAYS') ?? '30', 1, 3650),
    responseCacheBytes: parseInteger('CLOUDNEXUS_RESPONSE_CACHE_MB', read('CLOUDNEXUS_RESPONSE_CACHE_MB') ?? '32', 0, 65_536) * 1024 * 1024,
    downloadsDir: path.resolve(read('CLOUDNEXUS_DOWNLOADS_DIR') ?? REPOSITORY_DIST),
    webhooks: Object.freeze({
      allowPrivate: parseBoolean('CLOUDNEXUS_WEBHOOK_ALLOW_PRIVATE', read('CLOUDNEXUS_WEBHOOK_ALLOW_PRIVATE') ?? 'false'),
      caFile: webhookCaFile === undefined ? null : path.resolve(webhookCaFile),
    }),
    publicIpPool: parsePublicIpPool(read('CLOUDNEXUS_PUBLIC_IP_POOL') ?? '198.51.100.0/24'),
    instanceEgress: parseBoolean('CLOUDNEXUS_INSTANCE_EGRESS', read('CLOUDNEXUS_INSTANCE_EGRESS') ?? 'false'),
    containerImageMaxBytes: parseInteger('CLOUDNEXUS_CONTAINER_IMAGE_MAX_MB', read('CLOUDNEXUS_CONTAINER_IMAGE_MAX_MB') ?? '1024', 1, 1024) * 1024 * 1024,
  });
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** A pool needs at least one address besides its network and broadcast addresses: /30 or wider. */
function parsePublicIpPool(value: string): string {
  const cidr = parseCidr(value);
  if (!cidr || cidr.prefix > 30) throw new ConfigError(`CLOUDNEXUS_PUBLIC_IP_POOL must be an IPv4 network of /30 or wider (e.g. 198.51.100.0/24), got "${value}"`);
  return value;
}

function parseBoolean(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseDriver(value: string): DriverName {
  if (!(DRIVERS as readonly string[]).includes(value)) {
    throw new ConfigError(`CLOUDNEXUS_DRIVER must be one of ${DRIVERS.join(', ')}, got "${value}"`);
  }
  return value as DriverName;
}

function parseLogLevel(value: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`CLOUDNEXUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return value as LogLevel;
}

function parseRedisUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^rediss?:\/\//.test(value)) throw new ConfigError(`REDIS_URL must be redis://… or rediss://…, got "${value}"`);
  return value;
}

/** `postgres://…` selects PostgreSQL; `sqlite:<path>` or a bare path selects SQLite; unset means `<dataDir>/cloudnexus.db`. */
function parseDatabaseUrl(value: string | undefined, dataDir: string): DatabaseTarget {
  if (value === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'cloudnexus.db') };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ConfigError('DATABASE_URL must be postgres://…, sqlite:<path> or a file path');
  }
  return { kind: 'sqlite', file: path.resolve(value.replace(/^sqlite:/, '')) };
}

/** 10 s, or half the action lease when that is shorter: an unset timeout never conflicts with the lease. */
function defaultShutdownTimeoutMs(leaseMs: number): number {
  return Math.min(10_000, Math.floor(leaseMs / 2));
}
