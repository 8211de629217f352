// The dashboard and playground pages: served from our own origin with a strict CSP and the other
// security headers, revalidated by ETag, and absent from the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildDashboard } from '../../dashboard/build.mjs';
import { createTestApp, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';

describe('dashboard and playground pages', () => {
  let t: TestApp;
  before(async () => {
    await buildDashboard();
    t = await createTestApp('sqlite');
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  const assertSecurityHeaders = (response: Awaited<ReturnType<typeof get>>) => {
    const csp = String(response.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/, 'nothing but our own origin');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  };

  test('both pages are HTML with the security headers, and load only scripts and styles from our origin', async () => {
    for (const page of ['/dashboard', '/playground']) {
      const response = await get(page);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assertSecurityHeaders(response);
      const sources = [...response.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
      assert.ok(sources.length >= 2);
      for (const source of sources) {
        assert.match(source, /^\/(dashboard|playground)/, `${page} loads ${source} from our origin`);
        if (!source.startsWith(page)) continue;
        const asset = await get(source.split('#')[0] as string);
        assert.equal(asset.statusCode, 200, source);
        assertSecurityHeaders(asset);
      }
      assert.doesNotMatch(response.body, /<script>|style=/, 'no inline script or style');
    }
  });

  test('assets have their types and are revalidated by ETag', async () => {
    const script = await get('/playground/swagger-ui-bundle.js');
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.equal(script.headers['cache-control'], 'no-cache');
    assert.equal((await get('/playground/swagger-ui-bundle.js', { 'if-none-match': String(script.headers.etag) })).statusCode, 304);
    assert.match(String((await get('/dashboard/app.css')).headers['content-type']), /^text\/css/);
  });

  test('unknown files are 404 envelopes with the headers; nothing outside the build is reachable', async () => {
    for (const url of ['/dashboard/nope.js', '/dashboard/..%2Fpackage.json', '/playground/index.html', '/dashboard/app.js.map']) {
      const response = await get(url);
      assertError(response, 404);
      assertSecurityHeaders(response);
    }
  });

  test('the OpenAPI document leaves out the dashboard and the playground', async () => {
    const document = (await get('/v2/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(Object.keys(document.paths).every((p) => p.startsWith('/v2/')));
    assert.ok(document.paths['/v2/api_keys/{id}/rotate'], 'the rotate operation is documented');
  });
});
