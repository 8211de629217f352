import type { Kysely } from 'kysely';

// Delete and rebuild protection on instances and volumes: 1 or 0, off for every existing row.
const TABLES = ['instances', 'volumes'] as const;
const COLUMNS = ['protect_delete', 'protect_rebuild'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    for (const column of COLUMNS) await db.schema.alterTable(table).addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    for (const column of COLUMNS) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
