import { inTransaction, type Db } from '../../db/database.js';
import type { ApiKeysTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { PageRequest } from '../../http/pagination.js';

export type ApiKeyRow = ApiKeysTable;

/** A key row with what authentication needs of its account. */
export type KeyWithAccount = ApiKeyRow & { tier: string; rate_limit: number | null };

export class ApiKeysStore {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction with a store bound to it. */
  transaction<T>(work: (store: ApiKeysStore, trx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => work(new ApiKeysStore(trx), trx));
  }

  async insert(row: ApiKeyRow): Promise<void> {
    await this.db.insertInto('api_keys').values(row).execute();
  }

  async findByHash(hash: string): Promise<KeyWithAccount | undefined> {
    return this.db
      .selectFrom('api_keys')
      .innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
      .selectAll('api_keys')
      .select(['accounts.tier', 'accounts.rate_limit'])
      .where('api_keys.key_hash', '=', hash)
      .executeTakeFirst();
  }

  /** Newest first. */
  async listByAccount(accountId: string, page: PageRequest): Promise<ApiKeyRow[]> {
    return pageNewestFirst(this.db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId), page).execute();
  }

  /** Marks the key revoked unless it already is; returns whether this call revoked it. */
  async revoke(accountId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async find(accountId: string, id: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }
}
