// One action at a time per resource: a resource row names the action it is busy with, and taking
// or releasing that slot is a single conditional UPDATE, so concurrent requests cannot both start.
import type { Db } from './database.js';

/** Tables whose rows carry `status`, `action_id` and `updated_at`. */
export type BusyTable = 'instances' | 'volumes' | 'snapshots' | 'load_balancers' | 'databases' | 'database_backups' | 'images' | 'reserved_ips' | 'functions' | 'containers';

/** Makes `actionId` the row's running action if it is idle and in one of `from`; `during` (if any) becomes its status. */
export async function beginAction(db: Db, table: BusyTable, accountId: string, id: string, actionId: string, from: readonly string[], during: string | null, at: string): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set((eb) => ({ action_id: actionId, status: during ?? eb.ref('status'), updated_at: at }))
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('action_id', 'is', null)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends the row's running action with `changes`; false if another action holds it. */
export async function endAction(db: Db, table: BusyTable, id: string, actionId: string, changes: Record<string, unknown>, at: string): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ ...changes, action_id: null, updated_at: at })
    .where('id', '=', id)
    .where('action_id', '=', actionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
