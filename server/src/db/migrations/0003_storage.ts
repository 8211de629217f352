import type { Kysely } from 'kysely';

// Storage: block volumes and their snapshots, and the simulated storage backend's own state.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('volumes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('size_gb', 'integer', (c) => c.notNull())
    .addColumn('filesystem', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text')
    .addColumn('snapshot_id', 'text')
    // The action the volume is busy with: one action at a time, as for instances.
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('volumes_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('volumes_account_page').on('volumes').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('volumes_instance').on('volumes').column('instance_id').execute();

  await db.schema
    .createTable('snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('volume_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('size_gb', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    // Set on snapshots a backup policy took, so its retention prunes only its own.
    .addColumn('backup_policy_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('snapshots_policy_volume').on('snapshots').columns(['backup_policy_id', 'volume_id', 'created_at']).execute();
  await db.schema.createIndex('snapshots_account_page').on('snapshots').columns(['account_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('backup_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('retention_count', 'integer', (c) => c.notNull())
    .addColumn('volume_ids', 'text')
    .addColumn('label_selector', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // The next slot to fire; claiming a slot moves this forward in one conditional UPDATE.
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('backup_policies_due').on('backup_policies').columns(['enabled', 'next_run_at']).execute();
  await db.schema.createIndex('backup_policies_account_page').on('backup_policies').columns(['account_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['backup_policies', 'snapshots', 'volumes']) await db.schema.dropTable(table).execute();
}
