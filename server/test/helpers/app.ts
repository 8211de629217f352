// A whole API instance on a fresh database, with helpers to make accounts and keys.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { systemClock, type Clock } from '../../src/clock.js';
import { SimComputeDriver } from '../../src/drivers/sim/sim-compute-driver.js';
import { SimMachinesStore } from '../../src/drivers/sim/store.js';
import { SimDisksStore } from '../../src/drivers/sim/disks-store.js';
import { SimStorageDriver } from '../../src/drivers/sim/sim-storage-driver.js';
import { SimNetworkDriver } from '../../src/drivers/sim/sim-network-driver.js';
import { SimPublicRoutesStore } from '../../src/drivers/sim/public-routes-store.js';
import { SimDatabasesStore } from '../../src/drivers/sim/databases-store.js';
import { SimDatabaseDriver } from '../../src/drivers/sim/sim-database-driver.js';
import { SimContainerDriver } from '../../src/drivers/sim/sim-container-driver.js';
import { loadConfig, type ConfigSource } from '../../src/config.js';
import { generateSelfSigned, type TlsMaterial } from '../../src/http/tls.js';
import { AccountsService, type Account } from '../../src/resources/accounts/service.js';
import { AccountsStore } from '../../src/resources/accounts/store.js';
import { accountLookup } from '../../src/resources/accounts/queries.js';
import type { ResourceModule } from '../../src/resources/module.js';
import { ApiKeysService, type NewApiKey } from '../../src/resources/api-keys/service.js';
import { ApiKeysStore } from '../../src/resources/api-keys/store.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';
import { AccountUsage } from '../../src/resources/accounts/usage.js';

let certificate: Promise<TlsMaterial> | undefined;

/** A cheap scrypt cost for dashboard passwords in tests (the hash records its cost, so checks still run for real). */
export const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 };

/** One self-signed certificate per test process: generating RSA keys is slow. */
export function testCertificate(): Promise<TlsMaterial> {
  certificate ??= generateSelfSigned();
  return certificate;
}

/** A clock tests move by hand. Starts a few seconds into a rate-limit window. */
export class ManualClock {
  ms = Date.UTC(2026, 0, 15, 8, 30, 5);
  readonly now: Clock = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  clock: ManualClock;
  /** The simulated drivers, for injecting faults. */
  driver: SimComputeDriver;
  storage: SimStorageDriver;
  network: SimNetworkDriver;
  databases: SimDatabaseDriver;
  containers: SimContainerDriver;
  logs: string[];
  createAccount(tier?: 'free' | 'pro' | 'enterprise', rateLimit?: number | null): Promise<Account>;
  createKey(accountId: string, input?: NewApiKey): Promise<string>;
  issueKey(accountId: string, input?: NewApiKey): Promise<{ secret: string; id: string }>;
  /** An account with an all-powerful key, ready to call. */
  newCaller(tier?: 'free' | 'pro' | 'enterprise', input?: NewApiKey): Promise<{ account: Account; key: string }>;
  request(key: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Register extra routes before the app is ready. */
  extend?: (app: FastifyInstance) => void;
  env?: ConfigSource;
  /** Real time instead of the frozen manual clock: needed where the worker waits (retry backoff). */
  systemClock?: boolean;
  /** The resource modules, when a test adds one (see test/fixtures/toys). */
  modules?: readonly ResourceModule[];
}

export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(kind);
  const clock = new ManualClock();
  const logs: string[] = [];
  const config = loadConfig(
    {
      CLOUDNEXUS_DATA_DIR: testDb.dataDir,
      CLOUDNEXUS_LOG_LEVEL: 'info',
      CLOUDNEXUS_SIM_DELAY_MS: '30',
      CLOUDNEXUS_WORKER_POLL_MS: '20',
      ...options.env,
    },
    {},
  );
  const now = options.systemClock ? systemClock : clock.now;
  const driver = new SimComputeDriver(new SimMachinesStore(testDb.database.db), new SimDisksStore(testDb.database.db), config.simDelayMs, now);
  const storage = new SimStorageDriver(new SimDisksStore(testDb.database.db), config.simDelayMs, now);
  const network = new SimNetworkDriver(new SimPublicRoutesStore(testDb.database.db), config.simDelayMs);
  const databases = new SimDatabaseDriver(new SimDatabasesStore(testDb.database.db), config.simDelayMs, now);
  const containers = new SimContainerDriver(testDb.database.db, config.simDelayMs, now);
  const app = await buildApp(config, {
    database: testDb.database,
    tls: await testCertificate(),
    clock: now,
    computeDriver: driver,
    storageDriver: storage,
    networkDriver: network,
    databaseDriver: databases,
    containerDriver: containers,
    logStream: { write: (line) => void logs.push(line) },
    passwordCost: TEST_SCRYPT_COST,
    ...(options.modules ? { modules: options.modules } : {}),
  });
  options.extend?.(app);
  await app.ready();
  app.worker.start();
  app.periodic.start();

  const accounts = new AccountsService(new AccountsStore(testDb.database.db), new AccountUsage(testDb.database.db), now);
  const keys = new ApiKeysService(new ApiKeysStore(testDb.database.db), accountLookup(testDb.database.db), now);

  const createAccount: TestApp['createAccount'] = (tier = 'enterprise', rateLimit = null) =>
    accounts.create({ name: `test-${tier}`, tier, rateLimit });
  const issueKey: TestApp['issueKey'] = async (accountId, input = {}) => {
    const { key, secret } = await keys.create(accountId, input);
    return { secret, id: key.id };
  };
  const createKey: TestApp['createKey'] = async (accountId, input = {}) => (await issueKey(accountId, input)).secret;

  return {
    app,
    testDb,
    clock,
    driver,
    storage,
    network,
    databases,
    containers,
    logs,
    createAccount,
    createKey,
    issueKey,
    async newCaller(tier = 'enterprise', input = {}) {
      const account = await createAccount(tier);
      return { account, key: await createKey(account.id, input) };
    },
    request(key, injectOptions) {
      const headers = { ...(injectOptions.headers ?? {}), ...(key === null ? {} : { authorization: `Bearer ${key}` }) };
      return app.inject({ ...injectOptions, headers });
    },
    async close() {
      await app.close();
      await testDb.cleanup();
    },
  };
}

/** A test app with one enterprise account and an all-powerful key for it. */
export async function createTestAppWithCaller(
  kind: DatabaseKind,
  options: TestAppOptions = {},
): Promise<{ t: TestApp; key: string; accountId: string }> {
  const t = await createTestApp(kind, options);
  const { account, key } = await t.newCaller();
  return { t, key, accountId: account.id };
}
