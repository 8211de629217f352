// Runs the migrations compiled into the server. On PostgreSQL an advisory lock wraps the whole run,
// so several nodes starting at once apply each migration exactly once.
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Db } from './database.js';
import * as accountsAndKeys from './migrations/0001_accounts_and_keys.js';
import * as compute from './migrations/0002_compute.js';
import * as storage from './migrations/0003_storage.js';
import * as networking from './migrations/0004_networking.js';
import * as dashboard from './migrations/0005_dashboard.js';
import * as databases from './migrations/0007_databases.js';
import * as eventsWebhooks from './migrations/0006_events_webhooks.js';
import * as protection from './migrations/0008_protection.js';
import * as images from './migrations/0009_images.js';
import * as reservedIps from './migrations/0011_reserved_ips.js';
import * as functions from './migrations/0012_functions.js';
import * as containers from './migrations/0013_containers.js';
import * as accountStamps from './migrations/0014_account_stamps.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts_and_keys': accountsAndKeys,
  '0002_compute': compute,
  '0003_storage': storage,
  '0004_networking': networking,
  '0005_dashboard': dashboard,
  '0007_databases': databases,
  '0006_events_webhooks': eventsWebhooks,
  '0008_protection': protection,
  '0009_images': images,
  '0011_reserved_ips': reservedIps,
  '0012_functions': functions,
  '0013_containers': containers,
  '0014_account_stamps': accountStamps,
};

/**
 * A list of migrations with its own bookkeeping: the product's, or a driver's (the sim driver
 * keeps its tables apart from the product's schema).
 */
export interface MigrationSet {
  /** Names the advisory lock and, for a driver, the bookkeeping tables (`<name>_migration`). */
  name: string;
  migrations: Record<string, Migration>;
  /** Kysely's default bookkeeping tables, which the product's migrations have always used. */
  defaultTables?: true;
}

const PRODUCT: MigrationSet = { name: 'cloudnexus', migrations: MIGRATIONS, defaultTables: true };

export class MigrationError extends Error {}

/** Applies pending migrations (the product's unless told otherwise); returns the names applied by this call. */
export async function migrateToLatest(database: Database, set: MigrationSet = PRODUCT): Promise<string[]> {
  if (database.kind === 'sqlite') return migrate(database.db, database.schema, set);
  // Kysely's own lock only covers its transaction; creating its bookkeeping tables happens before
  // it. A session advisory lock (per schema) around the whole run makes nodes that start together
  // take turns: the first migrates, the others find nothing to do.
  return database.db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(hashtext(CAST(${lockName(set)} AS text) || current_schema()))`.execute(connection);
    try {
      // Kysely looks for its bookkeeping tables in every schema, so pin them to the one in use,
      // which DATABASE_URL may choose (`?options=-c search_path=…`).
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(connection);
      return await migrate(connection, rows[0]?.schema ?? database.schema, set);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(CAST(${lockName(set)} AS text) || current_schema()))`.execute(connection);
    }
  });
}

/** The product's lock keeps the name it always had, so nodes of mixed versions still take turns. */
function lockName(set: MigrationSet): string {
  return set.defaultTables ? 'cloudnexus.migrate.' : `cloudnexus.migrate.${set.name}.`;
}

async function migrate(db: Db, schema: string | null, set: MigrationSet): Promise<string[]> {
  const tableSchema = schema === null ? {} : { migrationTableSchema: schema };
  const tables = set.defaultTables ? {} : { migrationTableName: `${set.name}_migration`, migrationLockTableName: `${set.name}_migration_lock` };
  const provider: MigrationProvider = { getMigrations: async () => set.migrations };
  const { error, results = [] } = await new Migrator({ db, provider, ...tableSchema, ...tables }).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
