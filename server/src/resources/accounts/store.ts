import type { Db } from '../../db/database.js';
import type { AccountsTable } from '../../db/tables.js';

export type AccountRow = AccountsTable;

export class AccountsStore {
  constructor(private readonly db: Db) {}

  async insert(row: AccountRow): Promise<void> {
    await this.db.insertInto('accounts').values(row).execute();
  }

  /**
   * Reads the account and, on PostgreSQL, locks its row until the transaction ends, so concurrent
   * creates check quotas one after another. SQLite transactions already run one at a time.
   */
  async lock(id: string, kind: 'sqlite' | 'postgres'): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', id)
      .$if(kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
  }

  async find(id: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
