// The only module that reads the environment. Everything else receives a frozen Config.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  readonly logLevel: LogLevel;
  /** Signs pagination cursors. When unset, a secret generated once is kept in the database. */
  readonly cursorSecret: string | null;
}

/** Variable name → the CLI flag that overrides it (`--port 9443` beats CLOUDNEXUS_PORT). */
export const CONFIG_VARIABLES = {
  CLOUDNEXUS_HOST: 'host',
  CLOUDNEXUS_PORT: 'port',
  CLOUDNEXUS_DATA_DIR: 'data-dir',
  DATABASE_URL: 'database-url',
  CLOUDNEXUS_TLS_CERT: 'tls-cert',
  CLOUDNEXUS_TLS_KEY: 'tls-key',
  CLOUDNEXUS_LOG_LEVEL: 'log-level',
  CLOUDNEXUS_CURSOR_SECRET: 'cursor-secret',
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;
export type ConfigSource = Partial<Record<ConfigVariable, string | undefined>>;

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
  const cursorSecret = read('CLOUDNEXUS_CURSOR_SECRET') ?? null;
  if (cursorSecret !== null && cursorSecret.length < 32) {
    throw new ConfigError('CLOUDNEXUS_CURSOR_SECRET must be at least 32 characters');
  }

  return Object.freeze({
    host: read('CLOUDNEXUS_HOST') ?? '127.0.0.1',
    port: parsePort(read('CLOUDNEXUS_PORT') ?? '8443'),
    dataDir,
    database: Object.freeze(parseDatabaseUrl(read('DATABASE_URL'), dataDir)),
    tls: certFile && keyFile ? Object.freeze({ certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) }) : null,
    logLevel: parseLogLevel(read('CLOUDNEXUS_LOG_LEVEL') ?? 'info'),
    cursorSecret,
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`CLOUDNEXUS_PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseLogLevel(value: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`CLOUDNEXUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return value as LogLevel;
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
