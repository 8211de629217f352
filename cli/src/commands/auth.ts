import path from 'node:path';
import { Command } from 'commander';
import { configPath, readConfig, writeConfig } from '../config/config-file.js';
import { readKey } from '../config/read-key.js';
import { DEFAULT_BASE_URL, resolveSettings } from '../config/settings.js';
import { clientFrom, globalOptions, printRecord } from '../context.js';

interface LoginOptions {
  apiKey?: string;
  baseUrl?: string;
  caCert?: string;
}

/** Enough of a key to tell keys apart, never enough to use it. */
function maskKey(key: string): string {
  return `${key.slice(0, 13)}…${key.slice(-4)}`;
}

export function authCommand(): Command {
  const group = new Command('auth').description('log in, log out, and see which account is in use');

  group
    .command('login')
    .description('check an API key against the API and store it in a profile (prompted for when not given)')
    .option('--api-key <key>', 'the API key (otherwise typed at a hidden prompt or read from stdin)')
    .option('--base-url <url>', `API base URL (default ${DEFAULT_BASE_URL})`)
    .option('--ca-cert <path>', 'PEM file of a certificate authority to trust, for private deployments')
    .action(async (options: LoginOptions, command: Command) => {
      const { profile } = globalOptions(command);
      const config = readConfig();
      const stored = config.profiles[profile];
      const apiKey = options.apiKey ?? (await readKey());
      const baseURL = options.baseUrl ?? stored?.base_url;
      const caFile = options.caCert ? path.resolve(options.caCert) : stored?.ca_cert;
      // Check the key before storing it, so a typo fails here and not on the next command; the
      // check goes where later commands will go, environment overrides included.
      const env = process.env;
      const checkCa = env.CLOUDNEXUS_CA_CERT || caFile;
      const account = await clientFrom({
        apiKey,
        baseURL: env.CLOUDNEXUS_BASE_URL || baseURL || DEFAULT_BASE_URL,
        ...(checkCa ? { caFile: checkCa } : {}),
      }).account.retrieve();
      config.profiles[profile] = { api_key: apiKey, ...(baseURL ? { base_url: baseURL } : {}), ...(caFile ? { ca_cert: caFile } : {}) };
      writeConfig(config);
      process.stderr.write(`Logged in to ${account.name} (${account.id}, ${account.tier}) as profile "${profile}"; saved to ${configPath()}.\n`);
    });

  group
    .command('status')
    .description('show the profile in use and check its key against the API')
    .action(async (_options: object, command: Command) => {
      const settings = resolveSettings(globalOptions(command).profile);
      const account = await clientFrom(settings).account.retrieve();
      printRecord(command, {
        profile: settings.profile,
        account_id: account.id,
        account_name: account.name,
        tier: account.tier,
        api_key: maskKey(settings.apiKey),
        key_source: settings.keySource === 'environment' ? 'CLOUDNEXUS_API_KEY' : configPath(),
        base_url: settings.baseURL,
        ca_cert: settings.caFile ?? null,
      });
    });

  group
    .command('logout')
    .description('forget the stored key of a profile')
    .action((_options: object, command: Command) => {
      const { profile } = globalOptions(command);
      const config = readConfig();
      if (!config.profiles[profile]) {
        process.stderr.write(`Profile "${profile}" is not logged in.\n`);
        return;
      }
      delete config.profiles[profile];
      writeConfig(config);
      process.stderr.write(`Logged out of profile "${profile}".\n`);
      if (process.env.CLOUDNEXUS_API_KEY) process.stderr.write('CLOUDNEXUS_API_KEY is still set and will keep being used.\n');
    });
  return group;
}
