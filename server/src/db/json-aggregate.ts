// Aggregates that fold a correlated subquery's rows into one JSON text column, so a list page and
// what hangs off each of its rows (labels, attached ids) come back from one statement.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database.js';

type Kind = Database['kind'];

/**
 * `{"key": value, …}` of `rows` (an SQL fragment: `from … where …`), keys in byte order on both
 * databases; `{}` when there are none.
 */
export function jsonObjectOf(kind: Kind, key: string, value: string, rows: RawBuilder<unknown>): RawBuilder<string> {
  const k = sql.ref(key);
  const v = sql.ref(value);
  return kind === 'sqlite'
    ? sql<string>`(select json_group_object(${k}, ${v} order by ${k}) ${rows})`
    : sql<string>`(select coalesce(json_object_agg(${k}, ${v} order by ${k} collate "C"), '{}')::text ${rows})`;
}

/** `[value, …]` of `rows` in `value`'s byte order; `[]` when there are none. */
export function jsonArrayOf(kind: Kind, value: string, rows: RawBuilder<unknown>): RawBuilder<string> {
  const v = sql.ref(value);
  return kind === 'sqlite'
    ? sql<string>`(select json_group_array(${v} order by ${v}) ${rows})`
    : sql<string>`(select coalesce(json_agg(${v} order by ${v} collate "C"), '[]')::text ${rows})`;
}
