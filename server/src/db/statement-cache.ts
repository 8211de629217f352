// Kysely's SQLite driver prepares every statement anew, each time it runs: on a list request that
// was a third of the SQLite time. better-sqlite3 statements are reusable, so the dialect gets a
// database whose prepare() hands back the statement it prepared before for the same SQL.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { ARRAY_ROWS } from './array-rows.js';

// Distinct SQL strings the server issues: a few hundred, plus `in (?, ?, …)` lists of each length
// up to a page. The bound only stops an unforeseen source of distinct SQL from growing forever.
const MAX_STATEMENTS = 1000;

export function cachingStatements(sqlite: SqliteDatabase): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
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
    },
  };
}
