// db/tables.ts types every row by hand; this suite holds it to what the migrations really create,
// on SQLite and PostgreSQL: the same tables, the same columns, the same nullability and kind of
// value. A migration that adds a column without a type for it (or a type left behind) fails here.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import ts from 'typescript';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, DATABASE_KINDS } from './helpers/databases.js';

const TABLES_FILE = fileURLToPath(new URL('../src/db/tables.ts', import.meta.url));

interface ColumnShape {
  kind: 'text' | 'number';
  nullable: boolean;
}

type Schema = Record<string, Record<string, ColumnShape>>;

/** The tables and columns `Tables` in db/tables.ts declares, read with the TypeScript compiler. */
function declaredSchema(): Schema {
  const program = ts.createProgram([TABLES_FILE], { strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(TABLES_FILE);
  assert.ok(source, 'db/tables.ts is readable');
  const tables = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Tables');
  assert.ok(tables, 'db/tables.ts declares Tables');
  const schema: Schema = {};
  for (const table of checker.getTypeAtLocation(tables).getProperties()) {
    const columns: Record<string, ColumnShape> = {};
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      // Generated<T> (a column the database fills in) selects as T.
      const text = checker.typeToString(checker.getTypeOfSymbol(column)).replace(/^Generated<(.*)>$/, '$1');
      const parts = text.split('|').map((p) => p.trim());
      columns[column.name] = { kind: parts.includes('number') ? 'number' : 'text', nullable: parts.includes('null') };
    }
    schema[table.name] = columns;
  }
  return schema;
}

const NUMERIC = /^(integer|int|int2|int4|int8|bigint|smallint|real|double precision|float4|float8|numeric)$/i;

describe('db/tables.ts matches the migrations', () => {
  const declared = declaredSchema();
  for (const kind of DATABASE_KINDS) {
    test(kind, async () => {
      const testDb = await createTestDatabase(kind);
      try {
        // On PostgreSQL the introspection sees every schema of the database: other suites' too.
        const { schema } = testDb.database;
        const tables = (await testDb.database.db.introspection.getTables()).filter((t) => schema === null || t.schema === schema);
        const migrated: Schema = {};
        for (const table of tables) {
          const keys = await primaryKeyColumns(testDb.database, table.name);
          migrated[table.name] = Object.fromEntries(
            table.columns.map((c) => [c.name, { kind: NUMERIC.test(c.dataType) ? 'number' : 'text', nullable: c.isNullable && !keys.has(c.name) }]),
          );
        }
        assert.deepEqual(Object.keys(declared).sort(), Object.keys(migrated).sort(), 'the same tables');
        for (const [name, columns] of Object.entries(declared)) {
          assert.deepEqual(sortedColumns(columns), sortedColumns(migrated[name] ?? {}), `columns of ${name}`);
        }
      } finally {
        await testDb.cleanup();
      }
    });
  }
});

/**
 * SQLite reports a TEXT primary key as nullable (a NULL key is allowed there for historical
 * reasons), though no row can usefully have one; PostgreSQL makes it NOT NULL. Both read as not null.
 */
async function primaryKeyColumns(database: Database, table: string): Promise<Set<string>> {
  if (database.kind !== 'sqlite') return new Set();
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0`.execute(database.db);
  return new Set(rows.map((r) => r.name));
}

function sortedColumns(columns: Record<string, ColumnShape>): [string, ColumnShape][] {
  return Object.entries(columns).sort(([a], [b]) => a.localeCompare(b));
}
