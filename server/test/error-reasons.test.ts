// Every error has a stable reason: each one in errors/reasons.ts is documented in the OpenAPI
// document (the Error schema's enum) and made somewhere in the server, and the envelope carries it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { REASON_NAMES } from '../src/errors/reasons.js';
import { assertError } from './helpers/assertions.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('error reasons', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(() => t.close());

  test('each reason is in the OpenAPI document, and nothing else is', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/v2/openapi.json' })).json() as {
      components: { schemas: { Error: { properties: { error: { properties: { reason: { anyOf: { const: string }[]; description: string } } } } } } };
    };
    const reason = document.components.schemas.Error.properties.error.properties.reason;
    assert.deepEqual(reason.anyOf.map((r) => r.const).sort(), [...REASON_NAMES].sort());
    for (const name of REASON_NAMES) assert.match(reason.description, new RegExp(`\`${name}\``), `${name} is described`);
  });

  test('each reason is made somewhere in the server', () => {
    const code = sourceFiles(SOURCE)
      .filter((file) => !file.endsWith(path.join('errors', 'reasons.ts')))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const unused = REASON_NAMES.filter((name) => !code.includes(`'${name}'`));
    assert.deepEqual(unused, [], 'reasons no code gives');
  });

  test('the envelope carries the reason, for the framework\'s errors too', async () => {
    const { key } = await t.newCaller();
    assertError(await t.request(null, { method: 'GET', url: '/v2/instances' }), 401, 'unauthorized');
    assertError(await t.request(key, { method: 'GET', url: '/v2/nothing-here' }), 404, 'route_not_found');
    assertError(await t.request(key, { method: 'PATCH', url: '/v2/regions' }), 405, 'method_not_allowed');
    assertError(await t.request(key, { method: 'GET', url: '/v2/instances?limit=0' }), 400, 'invalid_request');
    assertError(await t.request(key, { method: 'GET', url: '/v2/instances?cursor=forged' }), 400, 'invalid_cursor');
    assertError(await t.request(key, { method: 'GET', url: '/v2/instances/inst_missing' }), 404, 'not_found');
    const unknownRegion = { name: 'web', region: 'nowhere-1', plan: 'micro', image: 'ubuntu-24.04' };
    assertError(await t.request(key, { method: 'POST', url: '/v2/instances', payload: unknownRegion }), 422, 'validation_failed');
    const text = await t.request(key, { method: 'POST', url: '/v2/instances', payload: 'x', headers: { 'content-type': 'text/plain' } });
    assertError(text, 415, 'unsupported_media_type');
  });
});
