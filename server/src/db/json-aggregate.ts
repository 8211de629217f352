// Aggregates that fold a correlated subquery's rows into one JSON text column, so a list page and
// what hangs off each of its rows (labels, attached ids) come back from one statement.
//
// The aggregates are unordered and the parsers below sort: an ORDER BY inside an aggregate makes
// SQLite sort every row's few entries in a temporary B-tree, a third of a list page's statement.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database.js';

type Kind = Database['kind'];

/** `{"key": value, …}` of `rows` (an SQL fragment: `from … where …`), in no order; `{}` when there are none. */
export function jsonObjectOf(kind: Kind, key: string, value: string, rows: RawBuilder<unknown>): RawBuilder<string> {
  const k = sql.ref(key);
  const v = sql.ref(value);
  return kind === 'sqlite'
    ? sql<string>`(select json_group_object(${k}, ${v}) ${rows})`
    : sql<string>`(select coalesce(json_object_agg(${k}, ${v}), '{}')::text ${rows})`;
}

/** `[value, …]` of `rows`, in no order; `[]` when there are none. */
export function jsonArrayOf(kind: Kind, value: string, rows: RawBuilder<unknown>): RawBuilder<string> {
  const v = sql.ref(value);
  return kind === 'sqlite'
    ? sql<string>`(select json_group_array(${v}) ${rows})`
    : sql<string>`(select coalesce(json_agg(${v}), '[]')::text ${rows})`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A jsonObjectOf column as an object, keys in code-unit order (byte order for the ASCII keys stored). */
export function parseJsonObject<V>(text: string): Record<string, V> {
  const parsed = JSON.parse(text) as Record<string, V>;
  const keys = Object.keys(parsed);
  if (keys.length < 2) return parsed;
  // fromEntries defines own properties, so no key can reach a prototype setter.
  return Object.fromEntries(keys.sort(byCodeUnit).map((key) => [key, parsed[key] as V]));
}

/** A jsonArrayOf column of strings as an array in code-unit order. */
export function parseJsonArray(text: string): string[] {
  return (JSON.parse(text) as string[]).sort(byCodeUnit);
}
