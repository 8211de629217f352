import type { Kysely } from 'kysely';

// Networking: VPCs, private networks inside them, the addresses handed out in each network,
// firewalls and load balancers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vpcs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('ip_range', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // `<account>:<region>` on an account's default VPC, NULL otherwise: unique, so concurrent
    // first uses of a region create one default VPC (NULLs never collide, on either database).
    .addColumn('default_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vpcs_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('vpcs_account_page').on('vpcs').columns(['account_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('vpc_id', 'text', (c) => c.notNull().references('vpcs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('ip_range', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('networks_vpc_name', ['vpc_id', 'name'])
    .execute();
  await db.schema.createIndex('networks_account_page').on('networks').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('networks_vpc').on('networks').column('vpc_id').execute();

  // One row per address in use: the primary key is what makes a double allocation impossible.
  await db.schema
    .createTable('ip_allocations')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ip_allocations_pk', ['network_id', 'address'])
    .execute();
  await db.schema.createIndex('ip_allocations_instance').on('ip_allocations').column('instance_id').execute();

  await db.schema.alterTable('instances').addColumn('network_id', 'text').execute();

  // Rules and targets are JSON: they are read whole and evaluated in the service.
  await db.schema
    .createTable('firewalls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('inbound_rules', 'text', (c) => c.notNull())
    .addColumn('outbound_rules', 'text', (c) => c.notNull())
    .addColumn('apply_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('firewalls_account_name', ['account_id', 'name'])
    .execute();
  await db.schema.createIndex('firewalls_account_page').on('firewalls').columns(['account_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('load_balancers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('vpc_id', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('forwarding_rules', 'text', (c) => c.notNull())
    .addColumn('health_check', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('load_balancers_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('load_balancers_account_page').on('load_balancers').columns(['account_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instances').dropColumn('network_id').execute();
  for (const table of ['load_balancers', 'firewalls', 'ip_allocations', 'networks', 'vpcs']) await db.schema.dropTable(table).execute();
}
