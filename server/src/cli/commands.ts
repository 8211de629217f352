// Operator commands. They open the same data dir or database as a running server, safely alongside it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../app.js';
import { systemClock } from '../clock.js';
import { CONFIG_VARIABLES, loadConfig, type Config, type ConfigSource, type ConfigVariable } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { Cursors, MAX_LIMIT } from '../http/pagination.js';
import { generateSelfSigned } from '../http/tls.js';
import { startServer } from '../main.js';
import { AccountsService } from '../resources/accounts/service.js';
import { AccountsStore } from '../resources/accounts/store.js';
import { accountLookup } from '../resources/accounts/queries.js';
import { ApiKeysService, type ApiKey } from '../resources/api-keys/service.js';
import { ApiKeysStore } from '../resources/api-keys/store.js';
import { UsageError, type ParsedArgs } from './args.js';
import { AccountUsage } from '../resources/accounts/usage.js';
import { connectRedis } from '../redis/client.js';
import { RedisRevocations, type RevocationAnnouncer } from '../resources/api-keys/revocations.js';
import { DashboardUsersService } from '../resources/dashboard-users/service.js';
import { DashboardUsersStore } from '../resources/dashboard-users/store.js';

export interface Output {
  json: boolean;
  print(human: string, machine: unknown): void;
  /** Everything piped to the command (for --password-stdin). */
  readStdin(): Promise<string>;
}

export function configFromFlags(flags: Map<string, string>): Config {
  const overrides: ConfigSource = {};
  for (const [variable, flag] of Object.entries(CONFIG_VARIABLES)) {
    const value = flags.get(flag);
    if (value !== undefined) overrides[variable as ConfigVariable] = value;
  }
  return loadConfig(overrides);
}

function required(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Opens and migrates the database, runs `work`, and always closes it. */
async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database, config.postgres);
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * Running nodes cache keys only when they share Redis, so a revoke is announced there and they evict
 * the key at once. Without Redis nothing is cached: the revoke is seen by the next request.
 */
async function withRevocations<T>(config: Config, work: (revocations?: RevocationAnnouncer) => Promise<T>): Promise<T> {
  if (config.redisUrl === null) return work();
  const redis = await connectRedis(config.redisUrl, () => undefined);
  try {
    return await work(new RedisRevocations(redis, (_details, message) => process.stderr.write(`warning: ${message}\n`), null));
  } finally {
    redis.disconnect();
  }
}

function services(database: Database, revocations?: RevocationAnnouncer) {
  return {
    accounts: new AccountsService(new AccountsStore(database.db), new AccountUsage(database.db), systemClock),
    keys: new ApiKeysService(new ApiKeysStore(database.db), accountLookup(database.db), systemClock, revocations ? { revocations } : {}),
    users: new DashboardUsersService(new DashboardUsersStore(database.db), accountLookup(database.db), systemClock),
  };
}

function describeKey(key: ApiKey): string {
  const state = key.revoked_at ? `revoked ${key.revoked_at}` : key.expires_at ? `expires ${key.expires_at}` : 'active';
  return `${key.id}  ${key.display}  ${key.name}  scopes=${key.scopes.join(',')}  regions=${key.regions?.join(',') ?? 'all'}  ${state}`;
}

export async function runCommand(args: ParsedArgs, out: Output): Promise<void> {
  const config = configFromFlags(args.flags);
  const [group, action] = args.command;
  switch (`${group ?? 'start'} ${action ?? ''}`.trim()) {
    case 'start':
      return startServer(config);

    case 'migrate': {
      const applied = await withDatabase(config, async () => []);
      return out.print(`Database is up to date (${config.database.kind}).`, { applied, database: config.database.kind });
    }

    case 'accounts create':
      return withDatabase(config, async (database) => {
        const { accounts, keys } = services(database);
        const rateLimit = args.flags.get('rate-limit');
        const account = await accounts.create({
          name: required(args, 'name'),
          tier: required(args, 'tier'),
          rateLimit: rateLimit === undefined ? null : Number(rateLimit),
        });
        const { secret } = await keys.create(account.id, { name: 'initial' });
        out.print(`Created account ${account.id} (${account.tier}). API key, shown once:\n${secret}`, { account, api_key: secret });
      });

    case 'keys create':
      return withDatabase(config, async (database) => {
        const { key, secret } = await services(database).keys.create(required(args, 'account'), {
          name: args.flags.get('name'),
          scopes: list(args.flags.get('scopes')),
          regions: list(args.flags.get('regions')) ?? null,
          expiresAt: args.flags.get('expires-at') ?? null,
        });
        out.print(`${describeKey(key)}\nAPI key, shown once:\n${secret}`, { api_key: secret, key });
      });

    case 'keys list':
      return withDatabase(config, async (database) => {
        const { keys } = services(database);
        const accountId = required(args, 'account');
        // Walks every page with a throwaway cursor secret: cursors never leave this process.
        const cursors = new Cursors(randomBytes(32).toString('hex'));
        const all: ApiKey[] = [];
        let cursor: string | undefined;
        do {
          const page = await keys.list(accountId, cursors.request('api_keys', { limit: MAX_LIMIT, cursor }), cursors);
          all.push(...page.data);
          cursor = page.pagination.next_cursor ?? undefined;
        } while (cursor !== undefined);
        out.print(all.map(describeKey).join('\n') || 'No keys.', { data: all });
      });

    case 'keys revoke':
      return withDatabase(config, (database) =>
        withRevocations(config, async (revocations) => {
          const key = await services(database, revocations).keys.revoke(required(args, 'account'), required(args, 'key'));
          out.print(`Revoked ${key.id}.`, { key });
        }),
      );

    case 'users create': {
      // The password comes on stdin, never as an argument: arguments show in `ps` and shell history.
      if (!args.switches.has('password-stdin')) throw new UsageError('--password-stdin is required: pipe the password in');
      const password = (await out.readStdin()).replace(/\r?\n$/, '');
      return withDatabase(config, async (database) => {
        const user = await services(database).users.create(required(args, 'account'), required(args, 'email'), password);
        out.print(`Created dashboard user ${user.email} (${user.id}) for account ${user.account_id}.`, { user });
      });
    }

    case 'openapi': {
      const document = await generateOpenApi();
      const outFile = args.flags.get('out');
      if (outFile === undefined) return out.print(document, JSON.parse(document));
      await fs.writeFile(path.resolve(outFile), document);
      return out.print(`Wrote ${outFile}`, { written: outFile });
    }

    default:
      throw new UsageError(`unknown command "${args.command.join(' ')}"`);
  }
}

/** The OpenAPI document as the server serves it, from a throwaway instance. */
export async function generateOpenApi(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudnexus-openapi-'));
  try {
    const config = loadConfig({ CLOUDNEXUS_DATA_DIR: dir, CLOUDNEXUS_LOG_LEVEL: 'silent' }, {});
    return await withDatabase(config, async (database) => {
      const app = await buildApp(config, { database, tls: await generateSelfSigned() });
      const response = await app.inject({ method: 'GET', url: '/v2/openapi.json' });
      await app.close();
      return `${JSON.stringify(response.json(), null, 2)}\n`;
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
