import { beginAction, endAction } from '../../db/busy.js';
import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { DatabaseBackupsTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type DatabaseBackupRow = DatabaseBackupsTable;

export class DatabaseBackupsStore {
  constructor(private readonly db: Db) {}

  async insert(row: DatabaseBackupRow): Promise<void> {
    await this.db.insertInto('database_backups').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<DatabaseBackupRow | undefined> {
    return this.db.selectFrom('database_backups').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  /** Every id, across accounts (what a real driver reconciles the host against). */
  async allIds(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('database_backups').select('id').execute()).map((r) => r.id));
  }

  async findById(id: string): Promise<DatabaseBackupRow | undefined> {
    return this.db.selectFrom('database_backups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(databaseId: string, page: PageRequest): Promise<DatabaseBackupRow[]> {
    return pageNewestFirst(this.db.selectFrom('database_backups').selectAll().where('database_id', '=', databaseId), page).execute();
  }

  /** Available backups of the database taken before `before` (past their retention). */
  async expired(databaseId: string, before: string): Promise<DatabaseBackupRow[]> {
    return this.db
      .selectFrom('database_backups')
      .selectAll()
      .where('database_id', '=', databaseId)
      .where('status', '=', 'available')
      .where('action_id', 'is', null)
      .where('created_at', '<', before)
      .execute();
  }

  /** Ids of every backup of the database, whatever its state. */
  async idsOf(databaseId: string): Promise<string[]> {
    return (await this.db.selectFrom('database_backups').select('id').where('database_id', '=', databaseId).execute()).map((r) => r.id);
  }

  begin(accountId: string, id: string, actionId: string, at: string): Promise<boolean> {
    return beginAction(this.db, 'database_backups', accountId, id, actionId, ['available'], 'deleting', at);
  }

  end(id: string, actionId: string, changes: Partial<Pick<DatabaseBackupRow, 'status' | 'size_mb'>>, at: string): Promise<boolean> {
    return endAction(this.db, 'database_backups', id, actionId, changes, at);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('database_backups').where('id', '=', id).execute();
  }

  async removeAll(databaseId: string): Promise<void> {
    await this.db.deleteFrom('database_backups').where('database_id', '=', databaseId).execute();
  }
}
