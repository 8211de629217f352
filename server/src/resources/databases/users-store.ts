import type { Db } from '../../db/database.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { DatabaseUsersTable } from '../../db/tables.js';
import type { PageRequest } from '../../http/pagination.js';

export type DatabaseUserRow = DatabaseUsersTable;

export class DatabaseUsersStore {
  constructor(private readonly db: Db) {}

  async insert(row: DatabaseUserRow): Promise<void> {
    await this.db.insertInto('database_users').values(row).execute();
  }

  async find(databaseId: string, name: string): Promise<DatabaseUserRow | undefined> {
    return this.db.selectFrom('database_users').selectAll().where('database_id', '=', databaseId).where('name', '=', name).executeTakeFirst();
  }

  async list(databaseId: string, page: PageRequest): Promise<DatabaseUserRow[]> {
    return pageNewestFirst(this.db.selectFrom('database_users').selectAll().where('database_id', '=', databaseId), page).execute();
  }

  async update(databaseId: string, name: string, changes: Partial<Pick<DatabaseUserRow, 'status' | 'password_verifier'>>, at: string): Promise<void> {
    await this.db.updateTable('database_users').set({ ...changes, updated_at: at }).where('database_id', '=', databaseId).where('name', '=', name).execute();
  }

  async remove(databaseId: string, name: string): Promise<void> {
    await this.db.deleteFrom('database_users').where('database_id', '=', databaseId).where('name', '=', name).execute();
  }

  async removeAll(databaseId: string): Promise<void> {
    await this.db.deleteFrom('database_users').where('database_id', '=', databaseId).execute();
  }
}
