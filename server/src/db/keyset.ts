// Keyset conditions for lists ordered newest first by (time, id), served by an index on them.
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { PageRequest, TimeIdPosition } from './page.js';

/**
 * Rows strictly after `after` in (timeColumn desc, id desc) order; everything when `after` is null.
 * Written as one row-value comparison, `(time, id) < (?, ?)`: both SQLite and PostgreSQL then seek
 * the (account_id, time, id) index to the cursor, so a page costs the same at any depth. The
 * equivalent `time < ? OR (time = ? AND id < ?)` makes SQLite scan every row down to the cursor.
 */
function keysetBefore(after: TimeIdPosition | null, timeColumn: string): RawBuilder<SqlBool> {
  if (after === null) return sql<SqlBool>`1 = 1`;
  const [time, id] = after;
  return sql<SqlBool>`(${sql.ref(timeColumn)}, ${sql.ref('id')}) < (${time}, ${id})`;
}

/** One page of a list, newest first: the keyset condition, the order, and one extra row for has_more. */
export function pageNewestFirst<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest, timeColumn = 'created_at'): SelectQueryBuilder<DB, TB, O> {
  // The column names are checked by the tests, not the compiler: Kysely cannot type a column name
  // shared by every table a caller might pass.
  const untyped = query as unknown as SelectQueryBuilder<Record<string, Record<string, unknown>>, string, O>;
  return untyped
    .where(keysetBefore(page.after, timeColumn))
    .orderBy(timeColumn, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1) as unknown as SelectQueryBuilder<DB, TB, O>;
}
