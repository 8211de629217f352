// PostgreSQL's side of array-rows.ts: straight on the pool (a read outside any transaction needs no
// particular connection), as a named prepared statement per SQL text, so each connection parses and
// plans a list's query shape once instead of on every request.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ArrayRows } from './array-rows.js';

// Distinct list shapes (filters given or not, `in` lists of each length): a few hundred at most.
// The bound only stops an unforeseen source of distinct SQL from growing forever.
const MAX_NAMES = 1000;

export function postgresArrayRows(pool: pg.Pool): ArrayRows {
  const names = new Map<string, string>();
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    if (name === undefined) {
      name = `cnx_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
      if (names.size >= MAX_NAMES) names.delete(names.keys().next().value as string);
      names.set(sql, name);
    }
    return name;
  };
  return async (query) => {
    const result = await pool.query<unknown[]>({ name: nameOf(query.sql), text: query.sql, values: [...query.parameters], rowMode: 'array' });
    return result.rows;
  };
}
