// Runs the migrations compiled into the server. Kysely's Migrator takes a lock (a row lock on
// PostgreSQL), so several nodes starting at once apply each migration exactly once.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as accountsAndKeys from './migrations/0001_accounts_and_keys.js';
import * as compute from './migrations/0002_compute.js';
import * as storage from './migrations/0003_storage.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts_and_keys': accountsAndKeys,
  '0002_compute': compute,
  '0003_storage': storage,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied by this call. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; pin them to ours.
  const schema = database.schema === null ? {} : { migrationTableSchema: database.schema };
  const { error, results = [] } = await new Migrator({ db: database.db, provider, ...schema }).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
