import { readFileSync } from 'node:fs';
import { CloudNexusError } from './errors.js';

export const DEFAULT_BASE_URL = 'https://api.cloudnexus.com/v2';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface ClientOptions {
  /** Defaults to the CLOUDNEXUS_API_KEY environment variable. */
  apiKey?: string;
  /** Defaults to CLOUDNEXUS_BASE_URL, else https://api.cloudnexus.com/v2. */
  baseURL?: string;
  /** Milliseconds per request attempt; default 60 000. */
  timeout?: number;
  /** Retries after a 429, 5xx, connection error or timeout; default 2. */
  maxRetries?: number;
  /** PEM certificate(s) to trust, e.g. a private CA; defaults to the file named by CLOUDNEXUS_CA_CERT. */
  ca?: string;
}

/** Options every call accepts, overriding the client's for that call only. */
export interface RequestOptions {
  timeout?: number;
  maxRetries?: number;
  /** Sent as Idempotency-Key on POST; by default a UUID generated once per call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ResolvedConfig {
  apiKey: string;
  baseURL: string;
  timeout: number;
  maxRetries: number;
  ca: string | undefined;
}

/** Explicit options win over the environment, which wins over the defaults. */
export function resolveConfig(options: ClientOptions, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const apiKey = options.apiKey ?? env.CLOUDNEXUS_API_KEY;
  if (!apiKey) {
    throw new CloudNexusError(
      'No API key: pass `new CloudNexus({ apiKey })` or set the CLOUDNEXUS_API_KEY environment variable.',
    );
  }
  return {
    apiKey,
    baseURL: (options.baseURL ?? env.CLOUDNEXUS_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    ca: options.ca ?? readCaFile(env.CLOUDNEXUS_CA_CERT),
  };
}

function readCaFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CloudNexusError(`CLOUDNEXUS_CA_CERT names ${file}, which cannot be read`, { cause });
  }
}
