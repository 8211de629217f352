import fs from 'node:fs';
import { CliError } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { configPath, readConfig } from './config-file.js';

export const DEFAULT_BASE_URL = 'https://api.cloudnexus.com/v2';

/** Where the key in use came from, so `auth status` can say why it is the one used. */
export type KeySource = 'environment' | 'profile';

export interface Settings {
  profile: string;
  apiKey: string;
  keySource: KeySource;
  baseURL: string;
  caFile?: string;
}

/**
 * Resolves the connection settings. The environment beats the stored profile so a CI job can
 * run with CLOUDNEXUS_API_KEY without ever touching the config file.
 */
export function resolveSettings(profile: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const stored = readConfig(configPath(env)).profiles[profile];
  const envKey = env.CLOUDNEXUS_API_KEY;
  const apiKey = envKey || stored?.api_key;
  if (!apiKey) {
    throw new CliError(
      `Not logged in: run \`cloudnexus auth login${profile === 'default' ? '' : ` --profile ${profile}`}\` or set CLOUDNEXUS_API_KEY (config: ${configPath(env)})`,
      ExitCode.auth,
    );
  }
  const caFile = env.CLOUDNEXUS_CA_CERT || stored?.ca_cert;
  return {
    profile,
    apiKey,
    keySource: envKey ? 'environment' : 'profile',
    baseURL: env.CLOUDNEXUS_BASE_URL || stored?.base_url || DEFAULT_BASE_URL,
    ...(caFile ? { caFile } : {}),
  };
}

/** Reads a PEM bundle to trust in addition to the system roots. */
export function readCaFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read CA certificate ${file}: ${(error as Error).message}`, ExitCode.usage);
  }
}
