import type { Kysely } from 'kysely';

// Compute: SSH keys, labels (for every resource), instances, the actions queue, idempotency
// records, and the simulated hypervisor's own state.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ssh_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ssh_keys_account_fingerprint', ['account_id', 'fingerprint'])
    .execute();
  await db.schema.createIndex('ssh_keys_account_page').on('ssh_keys').columns(['account_id', 'created_at', 'id']).execute();

  // One table for the labels of every resource type: ids are globally unique thanks to their prefixes.
  await db.schema
    .createTable('labels')
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('labels_pk', ['resource_id', 'key'])
    .execute();
  await db.schema.createIndex('labels_key_value').on('labels').columns(['key', 'value']).execute();

  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('image', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cpu', 'integer', (c) => c.notNull())
    .addColumn('memory_gb', 'real', (c) => c.notNull())
    .addColumn('ipv4', 'text')
    .addColumn('user_data', 'text')
    .addColumn('ssh_key_ids', 'text', (c) => c.notNull())
    // The action the instance is busy with; taking it is how one action at a time is enforced.
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('instances_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('instances_account_page').on('instances').columns(['account_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('actions_due').on('actions').columns(['status', 'run_after']).execute();
  await db.schema.createIndex('actions_account_page').on('actions').columns(['account_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('actions_resource_page').on('actions').columns(['resource_id', 'started_at', 'id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('response_location', 'text')
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'actions', 'instances', 'labels', 'ssh_keys']) {
    await db.schema.dropTable(table).execute();
  }
}
