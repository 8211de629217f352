import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestApp, ManualClock, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { RateLimiter, WINDOW_MS } from '../src/http/rate-limit.js';
import { MemoryRateLimitStore } from '../src/http/rate-limit-store.js';

for (const kind of DATABASE_KINDS) {
  describe(`rate limits (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
    });
    after(() => t.close());

    const windowEnd = () => (Math.floor(t.clock.ms / WINDOW_MS) + 1) * (WINDOW_MS / 1000);

    test('a free-tier key gets exactly 60 requests a minute, then 429 with the headers', async () => {
      const { key } = await t.newCaller('free');
      for (let i = 1; i <= 60; i++) {
        const response = await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' });
        assert.equal(response.statusCode, 200, `request ${i}`);
        assert.equal(response.headers['x-ratelimit-limit'], '60');
        assert.equal(response.headers['x-ratelimit-remaining'], String(60 - i));
        assert.equal(response.headers['x-ratelimit-reset'], String(windowEnd()));
        assert.equal(response.headers['retry-after'], undefined);
      }
      t.clock.advance(10_000);
      const refused = await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' });
      assertError(refused, 429, 'rate_limited');
      assert.equal(refused.headers['x-ratelimit-limit'], '60');
      assert.equal(refused.headers['x-ratelimit-remaining'], '0');
      assert.equal(refused.headers['x-ratelimit-reset'], String(windowEnd()));
      const secondsLeft = windowEnd() - Math.floor(t.clock.ms / 1000);
      assert.equal(refused.headers['retry-after'], String(secondsLeft));

      t.clock.ms = windowEnd() * 1000;
      const next = await t.request(key, { method: 'GET', url: '/v2/regions?limit=1' });
      assert.equal(next.statusCode, 200, 'a new window brings a new budget');
      assert.equal(next.headers['x-ratelimit-remaining'], '59');
    });

    test('the budget is per account: keys of one account share it, other accounts are untouched', async () => {
      const { account, key } = await t.newCaller('free');
      const sibling = await t.createKey(account.id);
      const stranger = (await t.newCaller('free')).key;
      for (let i = 0; i < 30; i++) await t.request(key, { method: 'GET', url: '/v2/plans?limit=1' });
      const fromSibling = await t.request(sibling, { method: 'GET', url: '/v2/plans?limit=1' });
      assert.equal(fromSibling.headers['x-ratelimit-remaining'], '29');
      const fromStranger = await t.request(stranger, { method: 'GET', url: '/v2/plans?limit=1' });
      assert.equal(fromStranger.headers['x-ratelimit-remaining'], '59');
    });

    test('tiers and custom limits set the budget', async () => {
      const cases: ['free' | 'pro' | 'enterprise', number | null, string][] = [
        ['pro', null, '600'],
        ['enterprise', null, '2000'],
        ['enterprise', 5000, '5000'],
      ];
      for (const [tier, custom, expected] of cases) {
        const account = await t.createAccount(tier, custom);
        const key = await t.createKey(account.id);
        const response = await t.request(key, { method: 'GET', url: '/v2/images?limit=1' });
        assert.equal(response.headers['x-ratelimit-limit'], expected, `${tier} ${custom}`);
      }
    });

    test('writes, errors and refusals count too, and carry the headers', async () => {
      const { key } = await t.newCaller('free');
      const bad = await t.request(key, { method: 'POST', url: '/v2/api_keys', payload: {} });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.headers['x-ratelimit-remaining'], '59');
      const notFound = await t.request(key, { method: 'GET', url: '/v2/regions/nowhere' });
      assert.equal(notFound.headers['x-ratelimit-remaining'], '58');
    });

    test('instance creates spend a budget of their own: a free account gets 6 a minute', async () => {
      const { key } = await t.newCaller('free');
      for (let i = 0; i < 6; i++) {
        const payload = { name: `burst-${i}`, region: 'us-east-1', plan: 'micro', image: 'debian-12' };
        const response = await t.request(key, { method: 'POST', url: '/v2/instances', payload });
        // The quota (5 instances on free) answers the sixth; the budget still counts it.
        assert.equal(response.statusCode, i < 5 ? 201 : 422, response.body);
        assert.equal(response.headers['x-ratelimit-limit'], '6');
        assert.equal(response.headers['x-ratelimit-remaining'], String(5 - i));
      }
      const refused = await t.request(key, { method: 'POST', url: '/v2/instances', payload: {} });
      assertError(refused, 429);
      assert.equal(refused.headers['x-ratelimit-limit'], '6');
      const read = await t.request(key, { method: 'GET', url: '/v2/instances' });
      assert.equal(read.statusCode, 200, 'reads keep the rest of the account budget');
      assert.equal(read.headers['x-ratelimit-limit'], '60');
      assert.equal(read.headers['x-ratelimit-remaining'], String(60 - 8));
    });

    test('unauthenticated responses carry no rate-limit headers', async () => {
      const response = await t.request(null, { method: 'GET', url: '/v2/regions' });
      assert.equal(response.statusCode, 401);
      assert.equal(response.headers['x-ratelimit-limit'], undefined);
    });
  });
}

describe('endpoint classes', () => {
  test('costly creates have a budget of their own, a tenth of the account budget', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(new MemoryRateLimitStore(), clock.now);
    for (let i = 1; i <= 6; i++) {
      const decision = await limiter.spend('acc_a', 60, 'create');
      assert.equal(decision.allowed, true);
      assert.equal(decision.limit, 6, 'the tighter budget is the one reported');
      assert.equal(decision.remaining, 6 - i);
    }
    const refused = await limiter.spend('acc_a', 60, 'create');
    assert.deepEqual([refused.allowed, refused.limit, refused.remaining], [false, 6, 0]);
    // Reads still have the rest of the account budget: 60 minus the 7 creates.
    const read = await limiter.spend('acc_a', 60, 'read');
    assert.deepEqual([read.allowed, read.limit, read.remaining], [true, 60, 52]);
  });

  test('reads and writes share the account budget', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(new MemoryRateLimitStore(), clock.now);
    await limiter.spend('acc_b', 10, 'read');
    const write = await limiter.spend('acc_b', 10, 'write');
    assert.equal(write.remaining, 8);
  });
});
