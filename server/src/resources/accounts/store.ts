import type { Db } from '../../db/database.js';
import type { AccountsTable } from '../../db/tables.js';

export type AccountRow = AccountsTable;

export class AccountsStore {
  constructor(private readonly db: Db) {}

  async insert(row: AccountRow): Promise<void> {
    await this.db.insertInto('accounts').values(row).execute();
  }

  async find(id: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
