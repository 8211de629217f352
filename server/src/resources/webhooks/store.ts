// The webhooks table: where an account wants its events sent.
import type { Db } from '../../db/database.js';
import type { WebhooksTable } from '../../db/tables.js';
import { pageNewestFirst } from '../../db/keyset.js';
import type { PageRequest } from '../../http/pagination.js';

export type WebhookRow = WebhooksTable;

export class WebhooksStore {
  constructor(private readonly db: Db) {}

  async insert(row: WebhookRow): Promise<void> {
    await this.db.insertInto('webhooks').values(row).execute();
  }

  async find(accountId: string, id: string): Promise<WebhookRow | undefined> {
    return this.db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<WebhookRow | undefined> {
    return this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async enabledFor(accountId: string): Promise<WebhookRow[]> {
    return this.db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).where('status', '=', 'enabled').execute();
  }

  async list(accountId: string, page: PageRequest): Promise<WebhookRow[]> {
    return pageNewestFirst(this.db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId), page).execute();
  }

  async update(accountId: string, id: string, changes: Partial<Pick<WebhookRow, 'url' | 'description' | 'event_types' | 'status' | 'disabled_reason' | 'updated_at'>>): Promise<boolean> {
    const result = await this.db.updateTable('webhooks').set(changes).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Disables an enabled webhook; false when it was not enabled (already disabled, or gone). */
  async disable(id: string, reason: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ status: 'disabled', disabled_reason: reason, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'enabled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhooks').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
