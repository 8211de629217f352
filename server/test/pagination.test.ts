import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError, fields } from './helpers/assertions.js';

interface ListBody {
  data: { id: string }[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

for (const kind of DATABASE_KINDS) {
  describe(`pagination (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let accountId: string;
    before(async () => ({ t, key, accountId } = await createTestAppWithCaller(kind)));
    after(() => t.close());

    async function walk(path: string, limit: number): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await t.request(key, { method: 'GET', url: `${path}?${query}` });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json() as ListBody;
        assert.ok(body.data.length <= limit);
        assert.equal(body.pagination.has_more, body.pagination.next_cursor !== null);
        ids.push(...body.data.map((item) => item.id));
        cursor = body.pagination.next_cursor;
        pages++;
      } while (cursor !== null);
      return { ids, pages };
    }

    test('walking a catalog visits every item once, in order', async () => {
      const all = (await t.request(key, { method: 'GET', url: '/v2/regions?limit=100' })).json() as ListBody;
      const { ids, pages } = await walk('/v2/regions', 7);
      assert.deepEqual(ids, all.data.map((r) => r.id));
      assert.equal(new Set(ids).size, ids.length);
      assert.equal(pages, Math.ceil(ids.length / 7));
    });

    test('walking a database list visits every row once, newest first, even with equal timestamps', async () => {
      const created = new Set<string>();
      for (let i = 0; i < 45; i++) {
        created.add((await t.issueKey(accountId, { name: `k${i}` })).id);
        // Several keys share each millisecond, so the id must break ties.
        if (i % 3 === 0) t.clock.advance(1);
      }
      const { ids } = await walk('/v2/api_keys', 10);
      const walked = new Set(ids);
      assert.equal(walked.size, ids.length, 'no duplicates');
      for (const id of created) assert.ok(walked.has(id), `no gaps: ${id} missing`);
      assert.equal(ids.length, created.size + 1, 'the caller key itself is listed too');
      const again = await walk('/v2/api_keys', 100);
      assert.deepEqual(again.ids, ids, 'page size does not change the order');
    });

    test('default limit is 20 and the last page says so', async () => {
      const body = (await t.request(key, { method: 'GET', url: '/v2/regions' })).json() as ListBody;
      assert.equal(body.data.length, 20);
      assert.equal(body.pagination.has_more, true);
      const plans = (await t.request(key, { method: 'GET', url: '/v2/plans?limit=100' })).json() as ListBody;
      assert.deepEqual(plans.pagination, { next_cursor: null, has_more: false });
    });

    for (const limit of ['0', '101', '-1', '2.5', 'ten', '']) {
      test(`limit=${limit} is 400`, async () => {
        const body = assertError(await t.request(key, { method: 'GET', url: `/v2/regions?limit=${limit}` }), 400);
        assert.deepEqual(fields(body), ['limit']);
      });
    }

    test('a tampered, garbage or foreign cursor is 400', async () => {
      const first = (await t.request(key, { method: 'GET', url: '/v2/regions?limit=5' })).json() as ListBody;
      const cursor = first.pagination.next_cursor as string;
      const [payload, signature] = cursor.split('.') as [string, string];
      const forgedPayload = Buffer.from(JSON.stringify({ l: 'regions', p: ['us-east-1'] })).toString('base64url');
      const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      const plansCursor = ((await t.request(key, { method: 'GET', url: '/v2/plans?limit=1' })).json() as ListBody).pagination.next_cursor;
      for (const bad of ['garbage', `${forgedPayload}.${signature}`, flipped, `${cursor}.x`, 'a.b', plansCursor as string]) {
        const body = assertError(await t.request(key, { method: 'GET', url: `/v2/regions?cursor=${encodeURIComponent(bad)}` }), 400);
        assert.deepEqual(fields(body), ['cursor']);
      }
    });
  });
}
