// The sim driver's schema, migrated by the driver itself with its own bookkeeping, so the
// product's migrations hold only the product's tables. Servers from before this split made these
// tables in the product's migrations: the first step therefore creates them only if missing.
import type { Kysely, Migration } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { migrateToLatest, type MigrationSet } from '../../db/migrate.js';
import type { SimTables } from './tables.js';

const simTables: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sim_machines')
      .ifNotExists()
      .addColumn('instance_id', 'text', (c) => c.primaryKey())
      .addColumn('ipv4', 'text', (c) => c.notNull())
      .addColumn('power', 'text', (c) => c.notNull())
      .addColumn('cpu', 'integer', (c) => c.notNull())
      .addColumn('memory_gb', 'real', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sim_disks')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('size_gb', 'integer', (c) => c.notNull())
      .addColumn('attached_to', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sim_databases')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('storage_gb', 'integer', (c) => c.notNull())
      .addColumn('node_count', 'integer', (c) => c.notNull())
      .addColumn('users', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['sim_databases', 'sim_disks', 'sim_machines']) await db.schema.dropTable(table).execute();
  },
};

const simContainers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sim_containers')
      .addColumn('container_id', 'text', (c) => c.primaryKey())
      .addColumn('power', 'text', (c) => c.notNull())
      .addColumn('memory_mb', 'integer', (c) => c.notNull())
      .addColumn('output', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sim_containers').execute();
  },
};

const publicRoutes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sim_public_routes')
      .addColumn('ip', 'text', (c) => c.primaryKey())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('sim_public_routes').execute();
  },
};

const SIM_MIGRATIONS: MigrationSet = { name: 'sim', migrations: { '0001_sim_tables': simTables, '0002_sim_public_routes': publicRoutes, '0003_sim_containers': simContainers } };

/** Brings the sim driver's tables up to date (every node may call it; they take turns). */
export async function migrateSimTables(database: Database): Promise<void> {
  await migrateToLatest(database, SIM_MIGRATIONS);
}

/** The product's connection, typed with the sim driver's tables. */
export type SimDb = Kysely<SimTables>;

export function simDb(db: Db): SimDb {
  return db.withTables<SimTables>() as unknown as SimDb;
}
