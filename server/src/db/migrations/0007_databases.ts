import type { Kysely } from 'kysely';

// Managed databases: the databases, their users and backups, and the simulated database backend's
// own state. Stands alone: it depends on nothing after 0004.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('databases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('node_count', 'integer', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull())
    // The private address allocated in the network (its ip_allocations row names this database).
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('admin_user', 'text', (c) => c.notNull())
    .addColumn('database_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('protect_delete', 'integer', (c) => c.notNull())
    .addColumn('backups_enabled', 'integer', (c) => c.notNull())
    .addColumn('backup_retention_days', 'integer', (c) => c.notNull())
    .addColumn('backup_hour', 'integer', (c) => c.notNull())
    // The next daily backup slot; claiming it moves this forward in one conditional UPDATE.
    .addColumn('next_backup_at', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'text')
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('databases_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('databases_account_page').on('databases').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('databases_backup_due').on('databases').columns(['backups_enabled', 'next_backup_at']).execute();

  // Passwords are never stored: only a SCRAM-SHA-256 verifier, which is what a server checks logins against.
  await db.schema
    .createTable('database_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('database_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_verifier', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('database_users_database_name', ['database_id', 'name'])
    .execute();
  await db.schema.createIndex('database_users_page').on('database_users').columns(['database_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('database_backups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('database_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('size_mb', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('database_backups_page').on('database_backups').columns(['database_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['database_backups', 'database_users', 'databases']) await db.schema.dropTable(table).execute();
}
