// Per-account write stamps (migration 0014): a value that changes whenever a row of a stamped table
// (stamped-tables.ts) of that account changes, on any node and through any connection. A cached
// answer made at an account's stamp stays valid while it is unchanged, whatever other accounts write.
import type pg from 'pg';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** The account's stamp; take it before reading. '0' before its first stamped write. */
export type AccountStamp = (accountId: string) => string | Promise<string>;

const NONE = '0';

/**
 * SQLite: read straight from the connection, without waiting for a transaction in progress on it.
 * It may see that transaction's uncommitted stamp; if it rolls back, that random stamp never
 * returns, so an answer made at it is never reused.
 */
export function sqliteAccountStamp(sqlite: SqliteDatabase): AccountStamp {
  // Prepared on first use: the database is opened before it is migrated.
  let read: ReturnType<SqliteDatabase['prepare']> | null = null;
  return (accountId) => {
    read ??= sqlite.prepare('SELECT stamp FROM account_stamps WHERE account_id = ?').pluck();
    return (read.get(accountId) as string | undefined) ?? NONE;
  };
}

export function postgresAccountStamp(pool: pg.Pool): AccountStamp {
  const text = 'SELECT stamp FROM account_stamps WHERE account_id = $1';
  return async (accountId) => (await pool.query<[string]>({ name: 'cnx_account_stamp', text, values: [accountId], rowMode: 'array' })).rows[0]?.[0] ?? NONE;
}
