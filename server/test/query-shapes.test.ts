// QueryShapes (db/query-shapes.ts): a query compiled once per shape gives, for any values, exactly
// what compiling it anew would, and a builder that does more with a value than bind it is caught.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { QueryShapes } from '../src/db/query-shapes.js';

interface Tables {
  things: { id: string; kind: string; size: number };
}

const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

interface Args {
  owner: string;
  kinds: string[] | null;
  after: string | null;
  limit: number;
}

const build = ({ owner, kinds, after, limit }: Args, order: 'asc' | 'desc') =>
  db
    .selectFrom('things')
    .select('id')
    .where('id', 'like', 'x%')
    .where('kind', '=', owner)
    .$if(kinds !== null, (q) => q.where('kind', 'in', kinds as string[]))
    .$if(after !== null, (q) => q.where('id', order === 'asc' ? '>' : '<', after as string))
    .orderBy('id', order)
    .limit(limit + 1);

describe('query shapes', () => {
  test('every call answers what a fresh compile would, shape after shape', () => {
    const shapes = new QueryShapes(build);
    const calls: [Args, 'asc' | 'desc'][] = [
      [{ owner: 'a', kinds: null, after: null, limit: 20 }, 'desc'],
      [{ owner: 'b', kinds: null, after: null, limit: 20 }, 'desc'],
      [{ owner: 'c', kinds: ['k1', 'k2'], after: 'id9', limit: 20 }, 'desc'],
      [{ owner: 'd', kinds: ['k3', 'k4'], after: 'id1', limit: 5 }, 'asc'],
      [{ owner: 'e', kinds: ['k5'], after: null, limit: 20 }, 'desc'],
      [{ owner: 'f', kinds: ['k6', 'k7'], after: 'id2', limit: 20 }, 'desc'],
    ];
    for (const [args, order] of calls) {
      const { sql: text, parameters } = build(args, order).compile();
      assert.deepEqual(shapes.compile(args, order), { sql: text, parameters });
    }
  });

  test('a builder that changes a value, or writes it into the SQL, is refused', () => {
    const edits = new QueryShapes((args: { name: string }) => db.selectFrom('things').select('id').where('kind', '=', `${args.name}%`));
    assert.throws(() => edits.compile({ name: 'x' }, null), /changed before being bound/);
    const writes = new QueryShapes((args: { name: string }) => db.selectFrom('things').select(sql.raw<string>(`'${args.name}'`).as('n')));
    assert.throws(() => writes.compile({ name: 'x' }, null), /written into the SQL text/);
  });
});
