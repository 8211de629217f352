// Opens the configured database behind one Kysely instance; stores never see which one it is.
import fs from 'node:fs';
import path from 'node:path';
import { SqliteDatabase } from './sqlite-binding.js';
import { Kysely, PostgresDialect } from 'kysely';
import { GroupCommitSqliteDialect } from './group-commit.js';
import { cachingStatements } from './statement-cache.js';
import { freshSharedRead } from './fresh-shared-read.js';
import { postgresArrayRows } from './postgres-array-rows.js';
import { sqliteArrayRows, type ArrayRows } from './array-rows.js';
import { postgresAccountStamp, sqliteAccountStamp, type AccountStamp } from './account-stamps.js';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

/** Runs `work` in a transaction: a new one, or the one `db` already is (Kysely does not nest them). */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Work a caller adds to a service's transaction, e.g. recording an idempotent response. */
export type Within<T> = (trx: Db, result: T) => Promise<void>;

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseTarget['kind'];
  /** The PostgreSQL schema in use when it is not the default one. */
  readonly schema: string | null;
  /**
   * SQLite only: a counter that moves whenever another connection (the operator CLI, another
   * process on the same file) commits. Caches of rows this process did not write check it.
   */
  readonly externalWrites: (() => number) | null;
  /**
   * A stamp that changes whenever a read may answer differently than before. Equal stamps mean no
   * row changed in between, which is what lets answers be reused. Take it before reading.
   */
  readonly writeStamp: () => string | Promise<string>;
  /** A stamp like writeStamp's, moved only by writes to the account's rows of the stamped tables. */
  readonly accountStamp: AccountStamp;
  /** Rows as arrays, for the hottest reads; never inside a transaction (see array-rows.ts). */
  readonly arrayRows: ArrayRows;
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Schema to use instead of `public` (tests isolate themselves this way). */
  searchPath?: string;
  poolMax?: number;
  /** PostgreSQL cancels a statement running longer, so one stuck query cannot hold a connection forever. */
  statementTimeoutMs?: number;
}

export function openDatabase(target: DatabaseTarget, options: PostgresOptions = {}): Database {
  if (target.kind === 'sqlite') {
    const { db, externalWrites, writeStamp, accountStamp } = openSqlite(target.file);
    const arrayRows = sqliteArrayRows((query) => db.executeQuery(query));
    return { db, kind: 'sqlite', schema: null, externalWrites, writeStamp, accountStamp, arrayRows, close: () => db.destroy() };
  }
  const { db, writeStamp, accountStamp, arrayRows } = openPostgres(target.url, options);
  return { db, kind: 'postgres', schema: options.searchPath ?? null, externalWrites: null, writeStamp, accountStamp, arrayRows, close: () => db.destroy() };
}

function openSqlite(file: string): { db: Db; externalWrites: () => number; writeStamp: () => string; accountStamp: AccountStamp } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets the operator CLI write while the server reads and writes.
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before we answer, so an acknowledged create survives power loss,
  // not only a killed process (NORMAL would only guarantee the latter).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // data_version changes only for commits made by other connections, never for this one's own.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  // This connection's changes, rolled back or not (a rollback only costs a needless refresh), and
  // other connections' commits. total_changes() counts every row inserted, updated or deleted.
  const changes = sqlite.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw();
  return {
    db: new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(sqlite, cachingStatements(sqlite)) }),
    externalWrites: () => dataVersion.get() as number,
    writeStamp: () => (changes.get() as [number, number]).join('.'),
    accountStamp: sqliteAccountStamp(sqlite),
  };
}

function openPostgres(url: string, options: PostgresOptions): { db: Db; writeStamp: () => Promise<string>; accountStamp: AccountStamp; arrayRows: ArrayRows } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // The current snapshot (xmin:xmax:in-progress xids) changes whenever a writing transaction of
  // any node becomes visible: one not yet begun at the stamp raises xmax, one in progress leaves
  // the list. The WAL insert position did not suffice: a commit record is inserted before its
  // flush, and a stamp read in between, with the handler's read still seeing the old rows, stayed
  // current once the commit became visible (a list cached stale until the next write).
  const stampQuery = { name: 'cnx_write_stamp', text: 'SELECT pg_current_snapshot()::text', rowMode: 'array' as const };
  return {
    db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }),
    writeStamp: freshSharedRead(async () => String((await pool.query<[string]>(stampQuery)).rows[0]?.[0])),
    accountStamp: postgresAccountStamp(pool),
    arrayRows: postgresArrayRows(pool),
  };
}
