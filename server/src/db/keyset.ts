// Keyset conditions for lists ordered newest first by (time, id), served by an index on them.
import type { ExpressionBuilder, Expression, SelectQueryBuilder, SqlBool } from 'kysely';
import { invalidCursor, type PageRequest, type Position } from '../http/pagination.js';

/**
 * Rows strictly after `after` in (timeColumn desc, id desc) order; everything when `after` is null.
 * `timeColumn` and `idColumn` may be qualified (`instances.created_at`) when the query joins.
 */
function keysetBefore<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  after: Position | null,
  timeColumn = 'created_at',
  idColumn = 'id',
): Expression<SqlBool> {
  if (after === null) return eb.lit(true);
  const [time, id] = after;
  if (typeof time !== 'string' || typeof id !== 'string' || after.length !== 2) throw invalidCursor();
  const ref = eb.ref as unknown as (column: string) => Expression<string>;
  return eb.or([eb(ref(timeColumn), '<', time), eb.and([eb(ref(timeColumn), '=', time), eb(ref(idColumn), '<', id)])]);
}

/** One page of a list, newest first: the keyset condition, the order, and one extra row for has_more. */
export function pageNewestFirst<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest, timeColumn = 'created_at'): SelectQueryBuilder<DB, TB, O> {
  // The column names are checked by the tests, not the compiler: Kysely cannot type a column name
  // shared by every table a caller might pass.
  const untyped = query as unknown as SelectQueryBuilder<Record<string, Record<string, unknown>>, string, O>;
  return untyped
    .where((eb) => keysetBefore(eb, page.after, timeColumn))
    .orderBy(timeColumn, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1) as unknown as SelectQueryBuilder<DB, TB, O>;
}
