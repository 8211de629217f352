// SQL for dashboard sessions.
import type { Db } from '../db/database.js';
import type { DashboardSessionsTable } from '../db/tables.js';

/** A session with what requests need of its user and account. */
export type SessionWithUser = DashboardSessionsTable & { account_id: string; email: string; tier: string; rate_limit: number | null };

export class SessionsStore {
  constructor(private readonly db: Db) {}

  async insert(row: DashboardSessionsTable): Promise<void> {
    await this.db.insertInto('dashboard_sessions').values(row).execute();
  }

  async find(tokenHash: string): Promise<SessionWithUser | undefined> {
    return this.db
      .selectFrom('dashboard_sessions')
      .innerJoin('dashboard_users', 'dashboard_users.id', 'dashboard_sessions.user_id')
      .innerJoin('accounts', 'accounts.id', 'dashboard_users.account_id')
      .selectAll('dashboard_sessions')
      .select(['dashboard_users.account_id', 'dashboard_users.email', 'accounts.tier', 'accounts.rate_limit'])
      .where('dashboard_sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.db.updateTable('dashboard_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Removes a user's sessions that ended before `before` (idle or absolute), so the table does not grow forever. */
  async deleteEnded(userId: string, idleBefore: string, now: string): Promise<void> {
    await this.db
      .deleteFrom('dashboard_sessions')
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<=', now)]))
      .execute();
  }
}
