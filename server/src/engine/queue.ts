// Claiming and releasing rows of the engine's durable queues (actions, webhook deliveries): each
// row has a status, a time it is due from, and a lease naming the worker that holds it.
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';

export type QueueTable = 'actions' | 'webhook_deliveries';

interface QueueColumns {
  id: string;
  status: string;
  run_after: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
}

/** Kysely cannot type columns shared by a union of tables; every queue table has these. */
function queueDb(db: Db): Kysely<Record<QueueTable, QueueColumns>> {
  return db as unknown as Kysely<Record<QueueTable, QueueColumns>>;
}

/**
 * Claims up to `limit` due rows of `table` for `owner`: in the `waiting` status, due, and
 * unleased or with an expired lease (its worker died). On PostgreSQL, SKIP LOCKED lets many
 * workers claim at once without waiting on each other or taking the same row; SQLite has a single
 * writer, so the UPDATE alone is atomic.
 */
export async function claimDue<Row>(database: Database, table: QueueTable, waiting: string, owner: string, now: string, leaseUntil: string, limit: number): Promise<Row[]> {
  const db = queueDb(database.db);
  const due = db
    .selectFrom(table)
    .select('id')
    .where('status', '=', waiting)
    .where('run_after', '<=', now)
    .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
    .orderBy('run_after')
    .limit(limit)
    .$if(database.kind === 'postgres', (q) => q.forUpdate().skipLocked());
  const rows = await db.updateTable(table).set({ lease_owner: owner, lease_expires_at: leaseUntil }).where('id', 'in', due).returningAll().execute();
  return rows as unknown as Row[];
}

/** Releases `owner`'s leases (on shutdown), so another node can take the rows at once. */
export async function releaseLeases(db: Db, table: QueueTable, owner: string): Promise<void> {
  await queueDb(db).updateTable(table).set({ lease_owner: null, lease_expires_at: null }).where('lease_owner', '=', owner).execute();
}
