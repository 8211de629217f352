// Keyset conditions for lists ordered newest first by (created_at, id), served by an index on them.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import { invalidCursor, type Position } from '../http/pagination.js';

/** Rows strictly after `after` in (created_at desc, id desc) order; everything when `after` is null. */
export function keysetBefore<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  after: Position | null,
): Expression<SqlBool> {
  if (after === null) return eb.lit(true);
  const [createdAt, id] = after;
  if (typeof createdAt !== 'string' || typeof id !== 'string' || after.length !== 2) {
    throw invalidCursor();
  }
  const ref = eb.ref as unknown as (column: string) => Expression<string>;
  return eb.or([
    eb(ref('created_at'), '<', createdAt),
    eb.and([eb(ref('created_at'), '=', createdAt), eb(ref('id'), '<', id)]),
  ]);
}
