import type { Kysely } from 'kysely';

// Containers and the images they run. An image is uploaded whole (its rootfs lives in the data
// dir; its run configuration is here); a container runs one, with an address in a network.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('container_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('layers', 'integer', (c) => c.notNull())
    // JSON: entrypoint, cmd, env, exposed_ports, working_dir, user.
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('container_images_name_unique', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('container_images_account_page').on('container_images').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema
    .createTable('containers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('image_id', 'text', (c) => c.notNull().references('container_images.id'))
    // JSON array, or null for the image's own Entrypoint and Cmd.
    .addColumn('command', 'text')
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('ports', 'text', (c) => c.notNull())
    .addColumn('memory_mb', 'integer', (c) => c.notNull())
    .addColumn('cpu', 'real', (c) => c.notNull())
    .addColumn('replicas', 'integer', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('ipv4', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('containers_name_unique', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('containers_account_page').on('containers').columns(['account_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('containers').execute();
  await db.schema.dropTable('container_images').execute();
}
