import type { Kysely } from 'kysely';

// Custom images: an instance's root disk captured by a snapshot, per account and region. The OS
// images are product data (the catalog), so only custom ones have rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    // Copied from the source's image when the snapshot is taken, so they outlive both.
    .addColumn('distribution', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('source_instance_id', 'text', (c) => c.notNull())
    // Null until the snapshot has measured the tree.
    .addColumn('size_gb', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    // The image's own action (a delete); the snapshot that makes it is the instance's action.
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('images_account_name', ['account_id', 'name'])
    .execute();
  await db.schema.createIndex('images_account_id').on('images').columns(['account_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('images').execute();
}
