import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { STAMPED_TABLES } from '../stamped-tables.js';

// Write stamps per account (see db/account-stamps.ts): a trigger on each stamped table gives the
// account of every inserted, updated or deleted row a new random stamp, in the writing transaction,
// whoever writes (any node, the operator CLI, a hand-run UPDATE). Random rather than a counter: a
// rolled-back bump then never comes back as the stamp of a later, real change.
//
// One row per account, not per account and table: a transaction of one account then locks one
// stamp row, so two transactions touching the same tables in another order cannot deadlock on them.
// Labels carry no account: their trigger finds it through the labelled row, in the stamped tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('account_stamps')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .execute();
  const owners = (id: string) => STAMPED_TABLES.map((table) => `SELECT account_id FROM ${table} WHERE id = ${id}`).join(' UNION ALL ');
  if (postgres) {
    // SET search_path FROM CURRENT: the functions find account_stamps in this schema whatever the
    // writing session's search_path (a seeding script's, an operator's psql).
    await sql`CREATE FUNCTION account_stamp_bump() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO account_stamps (account_id, stamp)
          VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END, md5(random()::text || clock_timestamp()::text))
          ON CONFLICT (account_id) DO UPDATE SET stamp = EXCLUDED.stamp;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE FUNCTION account_stamp_bump_labels() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO account_stamps (account_id, stamp)
          SELECT account_id, md5(random()::text || clock_timestamp()::text)
          FROM (${sql.raw(owners(`CASE WHEN TG_OP = 'DELETE' THEN OLD.resource_id ELSE NEW.resource_id END`))}) AS owner
          ON CONFLICT (account_id) DO UPDATE SET stamp = EXCLUDED.stamp;
        RETURN NULL;
      END $$`.execute(db);
    for (const table of STAMPED_TABLES) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_account_stamp`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION account_stamp_bump()`.execute(db);
    }
    await sql`CREATE TRIGGER labels_account_stamp AFTER INSERT OR UPDATE OR DELETE ON labels FOR EACH ROW EXECUTE FUNCTION account_stamp_bump_labels()`.execute(db);
    return;
  }
  const bump = (owner: string) => `INSERT INTO account_stamps (account_id, stamp) SELECT account_id, lower(hex(randomblob(8))) FROM (${owner}) WHERE true ON CONFLICT (account_id) DO UPDATE SET stamp = excluded.stamp;`;
  for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']] as const) {
    for (const table of STAMPED_TABLES) {
      await sql.raw(`CREATE TRIGGER ${table}_account_stamp_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${bump(`SELECT ${row}.account_id AS account_id`)} END`).execute(db);
    }
    await sql.raw(`CREATE TRIGGER labels_account_stamp_${event.toLowerCase()} AFTER ${event} ON labels BEGIN ${bump(owners(`${row}.resource_id`))} END`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const events = postgres ? [''] : ['_insert', '_update', '_delete'];
  for (const table of [...STAMPED_TABLES, 'labels']) {
    for (const event of events) await sql.raw(`DROP TRIGGER ${table}_account_stamp${event}${postgres ? ` ON ${table}` : ''}`).execute(db);
  }
  if (postgres) await sql`DROP FUNCTION account_stamp_bump(), account_stamp_bump_labels()`.execute(db);
  await db.schema.dropTable('account_stamps').execute();
}
