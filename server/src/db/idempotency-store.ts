// Idempotency records: one row per (account, key), reserved while a request runs and filled with
// its response in the same transaction as the change the request made.
import type { Db } from './database.js';
import type { IdempotencyKeysTable } from './tables.js';

export type IdempotencyRecord = IdempotencyKeysTable;

export interface StoredResponse {
  status: number;
  body: unknown;
  location: string | null;
}

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  /**
   * Reserves the key for this request, or returns the record that holds it. A record past its
   * expiry is replaced; an in-flight one whose request stopped before `staleBefore` (its process
   * died) is taken over.
   */
  async reserve(accountId: string, key: string, fingerprint: string, now: string, staleBefore: string, expiresAt: string): Promise<IdempotencyRecord | 'reserved'> {
    await this.db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('expires_at', '<', now).execute();
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({ account_id: accountId, key, fingerprint, state: 'in_flight', response_status: null, response_body: null, response_location: null, locked_at: now, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return 'reserved';

    const existing = await this.db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('key', '=', key).executeTakeFirst();
    if (!existing) return this.reserve(accountId, key, fingerprint, now, staleBefore, expiresAt);
    if (existing.state === 'in_flight' && existing.locked_at < staleBefore && existing.fingerprint === fingerprint) {
      const taken = await this.db
        .updateTable('idempotency_keys')
        .set({ locked_at: now })
        .where('account_id', '=', accountId)
        .where('key', '=', key)
        .where('state', '=', 'in_flight')
        .where('locked_at', '=', existing.locked_at)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return 'reserved';
    }
    return existing;
  }

  async complete(accountId: string, key: string, response: StoredResponse): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ state: 'done', response_status: response.status, response_body: JSON.stringify(response.body), response_location: response.location })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .execute();
  }

  /** Frees a reservation whose request ended without a recorded response, so the key can be retried. */
  async release(accountId: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).where('state', '=', 'in_flight').execute();
  }
}
