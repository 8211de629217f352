// Route-wide guarantees, derived from the OpenAPI document so every new operation is covered:
// authentication before anything else, scopes enforced, method confusion answered, keys never logged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('every operation', () => {
  let t: TestApp;
  let key: string;
  let accountId: string;
  let operations: { method: string; path: string; url: string; op: Json }[];
  before(async () => {
    ({ t, key, accountId } = await createTestAppWithCaller('sqlite'));
    const document = (await t.app.inject({ method: 'GET', url: '/v2/openapi.json' })).json() as Json;
    operations = Object.entries(document.paths as Json).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, url: path.replace(/\{\w+\}/g, 'x_0000000000000000'), op: item[m] })),
    );
  });
  after(() => t.close());

  test('the document lists every resource', () => {
    assert.ok(operations.length >= 60, `${operations.length} operations`);
  });

  test('without a key, every operation is 401 before any validation', async () => {
    for (const { method, url } of operations) {
      // Deliberately invalid bodies and ids: authentication must answer first.
      const response = await t.request(null, { method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { junk: true } }) });
      assertError(response, 401);
      assert.equal(response.headers['x-ratelimit-limit'], undefined, `${method} ${url}: no rate-limit headers before authentication`);
    }
  });

  test('a key without the scope is 403 on every operation that needs another scope', async () => {
    const narrow = await t.createKey(accountId, { scopes: ['regions:read'] });
    let checked = 0;
    for (const { method, url, op } of operations) {
      const scope = /Scope: `([^`]+)`/.exec(op.description ?? '')?.[1];
      assert.ok(scope, `${method} ${url} documents its scope`);
      if (scope === 'regions:read') continue;
      const response = await t.request(narrow, { method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { junk: true } }) });
      assert.match(assertError(response, 403).error.message, new RegExp(scope.replace('*', '\\*')), `${method} ${url}`);
      checked++;
    }
    assert.ok(checked > 50);
  });

  test('a method a path does not have is 405 with exactly the methods it has', async () => {
    const byPath = new Map<string, Set<string>>();
    for (const { method, url } of operations) byPath.set(url, (byPath.get(url) ?? new Set()).add(method));
    for (const [url, methods] of byPath) {
      const allowed = new Set([...methods, ...(methods.has('GET') ? ['HEAD'] : [])]);
      const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((m) => !allowed.has(m));
      if (!missing) continue;
      const response = await t.request(key, { method: missing as 'GET', url });
      assertError(response, 405);
      assert.deepEqual(String(response.headers.allow).split(', ').sort(), [...allowed].sort(), url);
    }
  });

  test('no API key ever reaches the logs', () => {
    assert.ok(t.logs.length > 100, 'the runs above were logged');
    assert.doesNotMatch(t.logs.join('\n'), /cnx_live_/);
  });
});
