// Kysely's SQLite driver prepared every statement anew, each time it ran: on a list request that
// was a third of the SQLite time. better-sqlite3 statements are reusable, so the driver
// (group-commit.ts) prepares through this, which hands back the statement it prepared before for
// the same SQL.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { ARRAY_ROWS } from './array-rows.js';
import type { Prepare } from './group-commit.js';

// Distinct SQL strings the server issues: a few hundred, plus `in (?, ?, …)` lists of each length
// up to a page. The bound only stops an unforeseen source of distinct SQL from growing forever.
const MAX_STATEMENTS = 1000;

export function cachingStatements(sqlite: SqliteDatabase): Prepare {
  const statements = new Map<string, Statement>();
  return (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = sqlite.prepare(sql);
      // Raw mode stays on the statement, which only this marked SQL text ever reaches.
      if (sql.startsWith(ARRAY_ROWS)) statement.raw(true);
      // Oldest first in a Map's order: evict the statement prepared longest ago.
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
}
