import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './helpers/app.js';

const COMMITTED = new URL('../../spec/openapi.json', import.meta.url);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Json = Record<string, any>;

describe('OpenAPI document', () => {
  let t: TestApp;
  let served: Json;
  before(async () => {
    t = await createTestApp('sqlite');
    const response = await t.app.inject({ method: 'GET', url: '/v2/openapi.json' });
    assert.equal(response.statusCode, 200, 'served without a key');
    served = response.json();
  });
  after(() => t.close());

  test('the committed spec/openapi.json matches what the server generates', async () => {
    const committed = JSON.parse(await fs.readFile(COMMITTED, 'utf8'));
    assert.deepEqual(committed, served, 'spec/openapi.json is stale: run `npm run openapi` and commit it');
  });

  test('is OpenAPI 3.1 with a bearer scheme and named component schemas', () => {
    assert.equal(served.openapi, '3.1.0');
    assert.deepEqual(served.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer', description: 'An API key: cnx_live_…' });
    for (const name of ['Error', 'ErrorDetail', 'Pagination', 'Region', 'Plan', 'Image', 'ApiKey']) {
      assert.ok(served.components.schemas[name], `component ${name}`);
    }
  });

  test('every operation is named, documents its errors, and every reference resolves', () => {
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(served.paths as Json)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method];
        const where = `${method.toUpperCase()} ${path}`;
        assert.ok(op.operationId && !operationIds.has(op.operationId), `${where} has a unique operationId`);
        operationIds.add(op.operationId);
        for (const status of ['400', '401', '403', '429', '500']) {
          assert.equal(op.responses[status]?.content['application/json'].schema.$ref, '#/components/schemas/Error', `${where} documents ${status}`);
        }
        assert.ok(op.responses['429'].headers['Retry-After'], `${where} documents Retry-After`);
        const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
        assert.ok(success && op.responses[success].headers['X-RateLimit-Limit'], `${where} documents the rate-limit headers`);
        for (const param of (path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1))) {
          assert.ok(op.parameters.some((p: Json) => p.in === 'path' && p.name === param && p.required), `${where} declares {${param}}`);
        }
      }
    }
    const refs = JSON.stringify(served).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) assert.ok(served.components.schemas[ref.split('/').pop() as string], `${ref} resolves`);
  });

  test('no component is a bare reference to itself', () => {
    for (const [name, schema] of Object.entries(served.components.schemas as Json)) {
      assert.notEqual(schema.$ref, `#/components/schemas/${name}`);
      assert.ok(schema.type || schema.anyOf, `${name} has a body`);
    }
  });
});
