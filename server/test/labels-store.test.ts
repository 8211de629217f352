// Labels in the database: the store, and selectors as conditions of a real list query, on every database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import type { Db } from '../src/db/database.js';
import { pageNewestFirst } from '../src/db/keyset.js';
import { newId } from '../src/ids.js';
import { AccountsStore } from '../src/resources/accounts/store.js';
import { matchesLabelSelector } from '../src/labels/filter.js';
import { parseLabelSelector, type LabelSelector } from '../src/labels/selector.js';
import { LabelsStore, type Labels } from '../src/labels/store.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './helpers/databases.js';

// Accounts stand in for any labelled resource: the filter only needs a table with an `id`.
const LABELS: Record<string, Labels> = {
  a: { env: 'prod', tier: 'web', 'example.com/team': 'core' },
  b: { env: 'prod', tier: 'db' },
  c: { env: 'staging', tier: 'web', gpu: '' },
  d: { env: 'dev' },
  e: {},
  f: { tier: 'api', gpu: 'true' },
};

/** Counts the statements sent through a Kysely instance. */
function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

for (const kind of DATABASE_KINDS) {
  describe(`labels in the database (${kind})`, () => {
    let testDb: TestDatabase;
    let db: Db;
    let store: LabelsStore;
    /** Account id by letter, and back. */
    const ids = new Map<string, string>();
    const letters = new Map<string, string>();

    before(async () => {
      testDb = await createTestDatabase(kind);
      db = testDb.database.db;
      store = new LabelsStore(db);
      const accounts = new AccountsStore(db);
      for (const [letter, labels] of Object.entries(LABELS)) {
        const id = newId('acc');
        await accounts.insert({ id, name: letter, tier: 'free', rate_limit: null, created_at: '2026-01-15T08:30:00.000Z' });
        ids.set(letter, id);
        letters.set(id, letter);
        await store.replace(id, labels);
      }
      // Labels of other resources share the table; they must not make an account match.
      await store.replace('inst_0000000000000000', { env: 'prod', gpu: '', only: 'instances' });
    });
    after(() => testDb.cleanup());

    async function matching(selector: LabelSelector): Promise<string> {
      const rows = await db
        .selectFrom('accounts')
        .select('accounts.id')
        .where((eb) => matchesLabelSelector(eb, 'accounts.id', selector))
        .execute();
      return rows.map((row) => letters.get(row.id)).sort().join('');
    }

    const cases: [string, string][] = [
      ['', 'abcdef'],
      ['env=prod', 'ab'],
      ['env==prod', 'ab'],
      ['env=Prod', ''],
      ['env!=prod', 'cdef'],
      ['env in (prod,staging)', 'abc'],
      ['env in (prod)', 'ab'],
      ['env notin (prod,staging)', 'def'],
      ['env', 'abcd'],
      ['!env', 'ef'],
      ['gpu', 'cf'],
      ['!gpu', 'abde'],
      ['gpu=', 'c'],
      ['gpu!=', 'abdef'],
      ['only', ''],
      ['example.com/team=core', 'a'],
      ['env=nope', ''],
      ['env=prod,tier=web', 'a'],
      ['env=prod,tier!=web', 'b'],
      ['tier in (web,api),!gpu', 'a'],
      ['env,!tier', 'd'],
      ['tier notin (web),env', 'bd'],
      ['env in (prod),env notin (prod)', ''],
      ['env!=prod,env!=staging,env!=dev', 'ef'],
      ['tier, tier notin (db, api), env != staging', 'a'],
    ];
    for (const [text, expected] of cases) {
      test(`${JSON.stringify(text)} selects ${expected ? `exactly ${expected}` : 'nothing'}`, async () => {
        assert.equal(await matching(parseLabelSelector(text)), expected);
      });
    }

    test('keys and values are bound as parameters, never spliced into the SQL', async () => {
      const hostile = "x' OR '1'='1";
      assert.equal(await matching([{ operator: '=', key: hostile, value: hostile }]), '');
      assert.equal(await matching([{ operator: 'notin', key: 'env', values: [hostile, 'prod'] }]), 'cdef');
      const { sql, parameters } = db
        .selectFrom('accounts')
        .select('id')
        .where((eb) => matchesLabelSelector(eb, 'accounts.id', [{ operator: 'in', key: hostile, values: [hostile] }]))
        .compile();
      assert.doesNotMatch(sql, /OR '1'/);
      assert.deepEqual(parameters, [hostile, hostile]);
    });

    test('a list page: selector, keyset and order, then the labels of the whole page in one query', async () => {
      const selector = parseLabelSelector('tier');
      const query = db.selectFrom('accounts').selectAll().where((eb) => matchesLabelSelector(eb, 'accounts.id', selector));
      const rows = (await pageNewestFirst(query, { limit: 3, after: null }).execute()).slice(0, 3);
      const counter = queryCounter();
      const labels = await new LabelsStore(db.withPlugin(counter)).forResources(rows.map((row) => row.id));
      assert.equal(counter.count, 1);
      assert.equal(rows.length, 3);
      for (const row of rows) {
        assert.ok('tier' in (LABELS[letters.get(row.id) as string] as Labels));
        assert.deepEqual(labels.get(row.id), LABELS[letters.get(row.id) as string]);
      }
    });

    test('forResources has every id asked for, {} for those without labels, and no others', async () => {
      const asked = [...ids.values(), 'vol_unknown'];
      const labels = await store.forResources(asked);
      assert.deepEqual([...labels.keys()].sort(), [...asked].sort());
      for (const [letter, id] of ids) assert.deepEqual(labels.get(id), LABELS[letter]);
      assert.deepEqual(labels.get('vol_unknown'), {});
      assert.deepEqual(await store.forResources([ids.get('a') as string, ids.get('a') as string]), new Map([[ids.get('a'), LABELS.a]]));
    });

    test('forResources of no ids sends no query', async () => {
      const counter = queryCounter();
      assert.deepEqual(await new LabelsStore(db.withPlugin(counter)).forResources([]), new Map());
      assert.equal(counter.count, 0);
    });

    test('keys come back in the same order on every database', async () => {
      await store.replace('net_order', { b: '1', B: '2', a: '3', A: '4', 'a.b': '5', 'a-b': '6', a_b: '7' });
      const labels = (await store.forResources(['net_order'])).get('net_order') as Labels;
      assert.deepEqual(Object.keys(labels), ['A', 'B', 'a', 'a-b', 'a.b', 'a_b', 'b']);
    });

    test('replace swaps the whole set; {} clears it; remove drops only that resource', async () => {
      await store.replace('vol_1', { keep: 'x', drop: 'y' });
      await store.replace('vol_2', { other: 'z' });
      await store.replace('vol_1', { keep: 'changed', added: '' });
      assert.deepEqual((await store.forResources(['vol_1'])).get('vol_1'), { added: '', keep: 'changed' });
      await store.replace('vol_1', {});
      assert.deepEqual((await store.forResources(['vol_1'])).get('vol_1'), {});
      await store.replace('vol_1', { back: 'again' });
      await store.remove('vol_1');
      const after = await store.forResources(['vol_1', 'vol_2']);
      assert.deepEqual(after.get('vol_1'), {});
      assert.deepEqual(after.get('vol_2'), { other: 'z' });
    });

    test("replace inside the caller's transaction is undone with it", async () => {
      await store.replace('vol_tx', { before: 'yes' });
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await new LabelsStore(trx).replace('vol_tx', { during: 'yes' });
          assert.deepEqual((await new LabelsStore(trx).forResources(['vol_tx'])).get('vol_tx'), { during: 'yes' });
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual((await store.forResources(['vol_tx'])).get('vol_tx'), { before: 'yes' });
      await db.transaction().execute((trx) => new LabelsStore(trx).replace('vol_tx', { committed: 'yes' }));
      assert.deepEqual((await store.forResources(['vol_tx'])).get('vol_tx'), { committed: 'yes' });
    });
  });
}
