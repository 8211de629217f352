import type { Kysely } from 'kysely';

// Serverless functions and their invocations. A function's source is not here: it is unpacked on
// disk under the data dir (config.functionsDir), one folder per version. `environment` holds the
// variables' values, which the API never returns. An invocation row is written when it starts
// (`running`), so concurrency limits count rows, the same on every node.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('functions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('runtime', 'text', (c) => c.notNull())
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('memory_mb', 'integer', (c) => c.notNull())
    .addColumn('timeout_s', 'integer', (c) => c.notNull())
    .addColumn('max_concurrency', 'integer', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('network_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('functions_account_region_name', ['account_id', 'region', 'name'])
    .execute();
  await db.schema.createIndex('functions_account_page').on('functions').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema
    .createTable('function_invocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('function_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('logs', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'double precision')
    .addColumn('billed_ms', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('function_invocations_page').on('function_invocations').columns(['function_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('function_invocations_running').on('function_invocations').columns(['account_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('function_invocations').execute();
  await db.schema.dropTable('functions').execute();
}
