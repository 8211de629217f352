// Rows as arrays instead of objects, for the hottest reads (list pages). better-sqlite3 and pg build
// each row object key by key in C++; on a page of 21 rows of 18 columns that was a third of the
// statement's time on SQLite. Arrays come back as they are and are mapped by position in JS, where
// every row gets the same object shape.
import { CompiledQuery } from 'kysely';

/**
 * Prefixed to a statement's SQL to ask the SQLite statement cache for a statement in raw mode
 * (statement-cache.ts): a different SQL text, so it never hands arrays to a caller expecting objects.
 */
export const ARRAY_ROWS = '/* array rows */ ';

/** What of a compiled query is run. */
export type SqlAndParameters = Pick<CompiledQuery, 'sql' | 'parameters'>;

/** Runs a compiled SELECT outside any transaction and returns its rows as arrays, columns in select order. */
export type ArrayRows = (query: SqlAndParameters) => Promise<unknown[][]>;

/** SQLite: through Kysely, so the read still waits for a transaction holding the one connection. */
export function sqliteArrayRows(execute: (query: CompiledQuery) => Promise<{ rows: unknown[] }>): ArrayRows {
  return async (query) => (await execute(CompiledQuery.raw(ARRAY_ROWS + query.sql, [...query.parameters]))).rows as unknown[][];
}

/** `rows` as objects with the keys `columns`, by position. */
export function byPosition<K extends string>(columns: readonly K[], rows: unknown[][]): Record<K, unknown>[] {
  return rows.map((row) => {
    const object = {} as Record<K, unknown>;
    for (let i = 0; i < columns.length; i++) object[columns[i] as K] = row[i];
    return object;
  });
}
