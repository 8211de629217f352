// Takes each database's daily backup: each slot once, on whichever node claims it first (one
// conditional UPDATE moves the slot on), and prunes backups past their retention at the same time.
// A slot missed while the servers were down fires once on catch-up; the next is counted from now.
import { storedTime } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { fireDueSlots } from '../../engine/due-slots.js';
import { newId } from '../../ids.js';
import { ActionsService } from '../actions/service.js';
import { DAY_MS, nextDailySlot } from './backup-slots.js';
import { DatabaseBackupsStore } from './backups-store.js';
import { DatabasesStore, type DatabaseRow } from './store.js';
import type { Context } from '../module.js';

const BATCH = 20;
/** A backup of a database being made or removed would be of nothing. */
const BACKED_UP = new Set(['online', 'resizing']);

export class DatabaseBackupScheduler {
  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'log' | 'poke'>,
  ) {}

  /** Fires every due slot; returns how many this node fired. */
  async tick(): Promise<number> {
    const now = this.context.clock();
    const due = await new DatabasesStore(this.context.database.db).backupsDue(storedTime(now), BATCH);
    const fired = await fireDueSlots(due, (row) => this.fire(row, now), (error, row) => this.context.log.error({ err: error, databaseId: row.id }, 'database backup failed to start'));
    if (fired > 0) this.context.poke();
    return fired;
  }

  private async fire(row: DatabaseRow, now: number): Promise<boolean> {
    const next = storedTime(nextDailySlot(now, row.backup_hour));
    return this.context.database.db.transaction().execute(async (trx) => {
      if (!(await new DatabasesStore(trx).claimBackupSlot(row.id, row.next_backup_at, next))) return false;
      if (BACKED_UP.has(row.status)) await this.startBackup(trx, row, now);
      const cutoff = storedTime(now - row.backup_retention_days * DAY_MS);
      for (const expired of await new DatabaseBackupsStore(trx).expired(row.id, cutoff)) {
        const actionId = ActionsService.newId();
        if (!(await new DatabaseBackupsStore(trx).begin(row.account_id, expired.id, actionId, storedTime(now)))) continue;
        await this.context.actions.enqueue(trx, { accountId: row.account_id, type: 'delete', resourceType: 'database_backup', resourceId: expired.id }, actionId);
      }
      return true;
    });
  }

  private async startBackup(trx: Db, row: DatabaseRow, now: number): Promise<void> {
    const actionId = ActionsService.newId();
    const id = newId('dbb');
    await new DatabaseBackupsStore(trx).insert({
      id,
      account_id: row.account_id,
      database_id: row.id,
      region: row.region,
      engine: row.engine,
      version: row.version,
      plan: row.plan,
      size_mb: null,
      status: 'creating',
      action_id: actionId,
      created_at: storedTime(now),
      updated_at: storedTime(now),
    });
    await this.context.actions.enqueue(trx, { accountId: row.account_id, type: 'create', resourceType: 'database_backup', resourceId: id }, actionId);
  }
}
