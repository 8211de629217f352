import { inTransaction, type Db } from '../../db/database.js';
import type { SshKeysTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { PageRequest } from '../../http/pagination.js';

export type SshKeyRow = SshKeysTable;

export class SshKeysStore {
  constructor(private readonly db: Db) {}

  /** Runs `work` in one transaction with a store bound to it. */
  transaction<T>(work: (store: SshKeysStore, trx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => work(new SshKeysStore(trx), trx));
  }

  /** Inserts the key; false when the account already has one with the same fingerprint. */
  async insert(row: SshKeyRow): Promise<boolean> {
    // The (account_id, fingerprint) constraint decides, not a read beforehand: two concurrent inserts
    // cannot both pass it. DO NOTHING keeps a surrounding transaction usable on PostgreSQL.
    const result = await this.db
      .insertInto('ssh_keys')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'fingerprint']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async find(accountId: string, id: string): Promise<SshKeyRow | undefined> {
    return this.db.selectFrom('ssh_keys').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findByFingerprint(accountId: string, fingerprint: string): Promise<SshKeyRow | undefined> {
    return this.db
      .selectFrom('ssh_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst();
  }

  /** The account's keys among `ids`, in one query; unknown and foreign ids are simply absent. */
  async findMany(accountId: string, ids: readonly string[]): Promise<Pick<SshKeyRow, 'id' | 'public_key'>[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('ssh_keys')
      .select(['id', 'public_key'])
      .where('account_id', '=', accountId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
  }

  /** Newest first. */
  async listByAccount(accountId: string, page: PageRequest): Promise<SshKeyRow[]> {
    return pageNewestFirst(this.db.selectFrom('ssh_keys').selectAll().where('account_id', '=', accountId), page).execute();
  }

  /** A PATCH's write: the new name, where given (keys keep no time of change). */
  async patch(id: string, changes: { name?: string }): Promise<void> {
    if (changes.name !== undefined) await this.db.updateTable('ssh_keys').set({ name: changes.name }).where('id', '=', id).execute();
  }

  /** Returns whether a key was deleted. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('ssh_keys').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
