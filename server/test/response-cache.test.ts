// The response cache: repeated reads are answered from memory while the database is unchanged, and
// never once anything changed, whoever changed it. Auth, rate limits and tenancy still apply.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { ResponseCache } from '../src/http/response-cache.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createInstance, waitForStatus, type InstanceBody } from './helpers/instances.js';

interface Page {
  data: InstanceBody[];
}

async function counter(t: TestApp, name: 'hits' | 'misses'): Promise<number> {
  const text = (await t.request(null, { method: 'GET', url: '/metrics' })).body;
  const match = new RegExp(`^cloudnexus_response_cache_${name}_total (\\d+)$`, 'm').exec(text);
  assert.ok(match, `cloudnexus_response_cache_${name}_total missing from /metrics`);
  return Number(match[1]);
}

const list = (t: TestApp, key: string, query = '', headers: Record<string, string> = {}) =>
  t.request(key, { method: 'GET', url: `/v2/instances?limit=50${query}`, headers });

const names = async (t: TestApp, key: string) => {
  const response = await list(t, key);
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as Page).data.map((i) => `${i.name}:${i.status}`);
};

for (const kind of DATABASE_KINDS) {
  describe(`response cache (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    before(async () => {
      t = await createTestApp(kind, { systemClock: true });
      const caller = await t.newCaller();
      key = caller.key;
      accountId = caller.account.id;
      await waitForStatus(t, key, (await createInstance(t, key, { name: 'first', region: 'us-east-1' })).id, 'running');
    });
    after(() => t.close());

    test('a repeated list is a hit: same body, fresh request id and rate-limit headers', async () => {
      const first = await list(t, key, '&status=running');
      const hits = await counter(t, 'hits');
      const second = await list(t, key, '&status=running');
      assert.equal(await counter(t, 'hits'), hits + 1);
      assert.equal(second.statusCode, 200);
      assert.equal(second.body, first.body);
      assert.equal(second.headers['content-type'], 'application/json; charset=utf-8');
      assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id']);
      assert.equal(Number(second.headers['x-ratelimit-remaining']), Number(first.headers['x-ratelimit-remaining']) - 1);
    });

    test('a create through the API, and each status the engine moves it through, show on the next list', async () => {
      await names(t, key);
      const made = await createInstance(t, key, { name: 'second', region: 'us-east-1' });
      assert.ok((await names(t, key)).includes('second:provisioning'));
      await waitForStatus(t, key, made.id, 'running');
      assert.ok((await names(t, key)).includes('second:running'));
    });

    test('a write on the server connection that no service announced still shows', async () => {
      await names(t, key);
      await t.testDb.database.db.updateTable('instances').set({ name: 'renamed-inside' }).where('name', '=', 'first').execute();
      assert.ok((await names(t, key)).includes('renamed-inside:running'));
    });

    test('a commit by another connection (the CLI, another process or node) shows', async () => {
      await names(t, key);
      const url = t.testDb.databaseUrl;
      const other = openDatabase(kind === 'sqlite' ? { kind, file: url } : { kind, url });
      try {
        await other.db.updateTable('instances').set({ name: 'renamed-outside' }).where('name', '=', 'renamed-inside').execute();
      } finally {
        await other.close();
      }
      assert.ok((await names(t, key)).includes('renamed-outside:running'));
    });

    test('another account\'s writes leave the cached list a hit; a label or a volume of this account voids it', async () => {
      await names(t, key);
      const stranger = await t.newCaller();
      await waitForStatus(t, stranger.key, (await createInstance(t, stranger.key, { name: 'theirs', region: 'us-east-1' })).id, 'running');
      const hits = await counter(t, 'hits');
      await names(t, key);
      assert.equal(await counter(t, 'hits'), hits + 1);
      const [mine] = (await list(t, key)).json<Page>().data;
      const { db } = t.testDb.database;
      await db.insertInto('labels').values({ resource_id: mine?.id as string, key: 'team', value: 'cache' }).execute();
      assert.deepEqual((await list(t, key)).json<Page>().data[0]?.labels, { ...mine?.labels, team: 'cache' });
      await db.deleteFrom('labels').where('resource_id', '=', mine?.id as string).where('key', '=', 'team').execute();
      assert.deepEqual((await list(t, key)).json<Page>().data[0]?.labels, mine?.labels);
    });

    test('another node\'s transaction: invisible until it commits, shown at once after, never stale', async () => {
      const url = t.testDb.databaseUrl;
      const other = openDatabase(kind === 'sqlite' ? { kind, file: url } : { kind, url });
      try {
        for (let round = 0; round < 5; round++) {
          const before = await names(t, key);
          const [from] = before;
          const to = `node-b-${round}`;
          let commit!: () => void;
          const committed = new Promise<void>((resolve) => (commit = resolve));
          let written!: () => void;
          const updated = new Promise<void>((resolve) => (written = resolve));
          const transaction = other.db.transaction().execute(async (trx) => {
            await trx.updateTable('instances').set({ name: to }).where('name', '=', (from as string).split(':')[0] as string).where('account_id', '=', accountId).execute();
            written();
            await committed;
          });
          await updated;
          // PostgreSQL shows the old rows while the other transaction is open; SQLite's other
          // connection holds the write lock, which readers in WAL mode do not wait for.
          assert.deepEqual(await names(t, key), before);
          commit();
          await transaction;
          assert.ok((await names(t, key)).includes(`${to}:running`), `round ${round}`);
        }
      } finally {
        await other.close();
      }
    });

    test('a write from a PostgreSQL session on another search_path (a seeding script, psql) still shows', { skip: kind !== 'postgres' }, async () => {
      const before = await names(t, key);
      const [from] = before;
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`UPDATE ${t.testDb.database.schema}.instances SET name = 'from-psql' WHERE name = $1`, [(from as string).split(':')[0]]);
      } finally {
        await client.end();
      }
      assert.ok((await names(t, key)).includes('from-psql:running'));
    });

    test('a write rolled back on the server connection leaves no stamp a later write could repeat', async () => {
      const before = await names(t, key);
      const [from] = before;
      const { db } = t.testDb.database;
      let release!: () => void;
      const rolledBack = db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable('instances').set({ name: 'rolled-back' }).where('name', '=', (from as string).split(':')[0] as string).execute();
          await new Promise<void>((resolve) => (release = resolve));
          throw new Error('roll back');
        })
        .catch(() => undefined);
      // Takes its stamp inside the open transaction, then waits for the connection to read.
      const during = names(t, key);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await rolledBack;
      assert.deepEqual(await during, before);
      await db.updateTable('instances').set({ name: 'committed' }).where('name', '=', (from as string).split(':')[0] as string).execute();
      assert.ok((await names(t, key)).includes('committed:running'));
    });

    test('another account, and a key of the same account limited to other regions, never get the cached answer', async () => {
      const full = await names(t, key);
      assert.ok(full.length >= 2);
      const stranger = await t.newCaller();
      assert.deepEqual(await names(t, stranger.key), []);
      const europe = await t.createKey(accountId, { regions: ['eu-west-1'] });
      assert.deepEqual(await names(t, europe), []);
      assert.deepEqual(await names(t, key), full);
    });

    test('a hit still authenticates and checks scopes and regions', async () => {
      await names(t, key);
      const readOnlyVolumes = await t.createKey(accountId, { scopes: ['volumes:read'] });
      assertError(await list(t, readOnlyVolumes), 403);
      assertError(await list(t, 'cnx_not_a_key'), 401);
      const europe = await t.createKey(accountId, { regions: ['eu-west-1'] });
      assertError(await list(t, europe, '&region=us-east-1'), 403);
    });

    test('Cache-Control: no-cache is answered by the handler', async () => {
      await names(t, key);
      const misses = await counter(t, 'misses');
      const fresh = await list(t, key, '', { 'cache-control': 'no-cache' });
      assert.equal(fresh.statusCode, 200);
      assert.equal(await counter(t, 'misses'), misses + 1);
    });

    test('errors are never stored', async () => {
      const hits = await counter(t, 'hits');
      for (let i = 0; i < 2; i++) assertError(await list(t, key, '&cursor=forged'), 400);
      assert.equal(await counter(t, 'hits'), hits);
    });
  });
}

describe('response cache bookkeeping', () => {
  test('an entry made at another stamp is dropped, not served', () => {
    const cache = new ResponseCache(1024);
    cache.set('k', '1.0', 'old');
    assert.equal(cache.get('k', '1.0'), 'old');
    assert.equal(cache.get('k', '2.0'), undefined);
    assert.equal(cache.get('k', '1.0'), undefined);
    assert.equal(cache.size, 0);
  });

  test('holds at most its byte budget, evicting the least recently used first', () => {
    const cache = new ResponseCache(25);
    cache.set('a', 's', 'x'.repeat(9));
    cache.set('b', 's', 'y'.repeat(9));
    assert.equal(cache.get('a', 's'), 'x'.repeat(9));
    cache.set('c', 's', 'z'.repeat(9));
    assert.equal(cache.get('b', 's'), undefined);
    assert.equal(cache.get('a', 's'), 'x'.repeat(9));
    assert.equal(cache.get('c', 's'), 'z'.repeat(9));
    assert.equal(cache.size, 20);
  });

  test('an answer bigger than the whole budget is not kept, and replacing an entry keeps the count right', () => {
    const cache = new ResponseCache(20);
    cache.set('a', 's', 'é'.repeat(10));
    assert.equal(cache.get('a', 's'), undefined);
    cache.set('b', 's', 'short');
    cache.set('b', 's', 'longer');
    assert.equal(cache.size, 'longer'.length + 1);
  });
});
