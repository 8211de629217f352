import type { Kysely } from 'kysely';

// Reserved IPs: public addresses from the operator's pool, held by an account and routed to one
// instance at a time. The unique `ip` is what keeps two concurrent creates (in any accounts) from
// being handed the same address; the unique `instance_id` keeps an instance to one address.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reserved_ips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('ip', 'text', (c) => c.notNull().unique())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    // 1 for an address an instance create reserved (`public_ip: true`): it goes when the instance does.
    .addColumn('release_with_instance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reserved_ips_account_page').on('reserved_ips').columns(['account_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reserved_ips').execute();
}
