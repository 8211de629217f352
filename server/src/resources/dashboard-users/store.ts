// SQL for dashboard users and the failed sign-in counters.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DashboardSignInFailuresTable, DashboardUsersTable } from '../../db/tables.js';

export type DashboardUserRow = DashboardUsersTable;

export class DashboardUsersStore {
  constructor(private readonly db: Db) {}

  async insert(row: DashboardUserRow): Promise<void> {
    await this.db.insertInto('dashboard_users').values(row).execute();
  }

  async findByEmail(email: string): Promise<DashboardUserRow | undefined> {
    return this.db.selectFrom('dashboard_users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async failures(email: string): Promise<DashboardSignInFailuresTable | undefined> {
    return this.db.selectFrom('dashboard_sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /**
   * Counts one failure in one statement (concurrent failures all count); a count whose window
   * began before `windowStart` starts again at 1. Returns the count.
   */
  async addFailure(email: string, now: string, windowStart: string): Promise<number> {
    const stale = sql<boolean>`dashboard_sign_in_failures.first_failed_at < ${windowStart}`;
    await this.db
      .insertInto('dashboard_sign_in_failures')
      .values({ email, failures: 1, first_failed_at: now, locked_until: null })
      .onConflict((oc) =>
        oc.column('email').doUpdateSet({
          failures: sql<number>`CASE WHEN ${stale} THEN 1 ELSE dashboard_sign_in_failures.failures + 1 END`,
          first_failed_at: sql<string>`CASE WHEN ${stale} THEN ${now} ELSE dashboard_sign_in_failures.first_failed_at END`,
        }),
      )
      .execute();
    return (await this.failures(email))?.failures ?? 1;
  }

  async lock(email: string, until: string): Promise<void> {
    await this.db.updateTable('dashboard_sign_in_failures').set({ locked_until: until }).where('email', '=', email).execute();
  }

  async clearFailures(email: string): Promise<void> {
    await this.db.deleteFrom('dashboard_sign_in_failures').where('email', '=', email).execute();
  }
}
