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

  /**
   * Marks the key as replaced by `newId` and ends it at `endsAt` (revoked at once when that is
   * now), unless it is already revoked or rotated; returns whether this call rotated it. One
   * conditional UPDATE, so two concurrent rotations cannot both succeed.
   */
  async markRotated(accountId: string, id: string, newId: string, now: string, endsAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set(endsAt <= now ? { replaced_by: newId, revoked_at: now } : { replaced_by: newId, expires_at: endsAt })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('replaced_by', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records a use, at most once per `staleBefore` interval, so busy keys do not write on every request. */
  async touch(id: string, now: string, staleBefore: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
      .execute();
  }

  /** A PATCH's write: the new name, where given (keys keep no time of change). */
  async patch(id: string, changes: { name?: string }): Promise<void> {
    if (changes.name !== undefined) await this.db.updateTable('api_keys').set({ name: changes.name }).where('id', '=', id).execute();
  }

  async find(accountId: string, id: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }
}
