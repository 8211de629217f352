// Keyset conditions for lists ordered newest first by (time, id), served by an index on them.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { invalidCursor, type Position } from '../http/pagination.js';

/**
 * Rows strictly after `after` in (timeColumn desc, id desc) order; everything when `after` is null.
 * `timeColumn` and `idColumn` may be qualified (`instances.created_at`) when the query joins.
 */
export function keysetBefore<DB, TB extends keyof DB>(
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
