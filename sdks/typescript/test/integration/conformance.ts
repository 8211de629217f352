// Interprets sdks/conformance/scenario.json, the steps every CloudNexus SDK runs (see its README.md).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as sdk from '../../src/index.js';
import type { CloudNexus } from '../../src/index.js';
import type { LiveServer } from '../helpers/live-server.js';

const scenarioPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../conformance/scenario.json');

interface Step {
  id: string;
  call: string;
  args?: Record<string, unknown>;
  wait?: boolean;
  idempotency_key?: string;
  client?: { api_key?: string };
  expect: Record<string, unknown>;
}

interface Scenario {
  vars: Record<string, unknown>;
  steps: Step[];
}

type Results = Record<string, unknown>;

/** '$vars.NAME' and '$STEP.FIELD' (FIELD may be a dotted path) anywhere inside a value. */
function resolve(value: unknown, vars: Record<string, unknown>, results: Results): unknown {
  if (typeof value === 'string' && value.startsWith('$')) {
    const [source, ...fields] = value.slice(1).split('.');
    const root = source === 'vars' ? vars : results[source!];
    assert.ok(root !== undefined, `reference ${value}: no such variable or earlier step`);
    return fields.reduce<unknown>((object, field) => (object as Record<string, unknown>)[field], root);
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, vars, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, vars, results)]));
  }
  return value;
}

/** `load_balancers` → `loadBalancers`: the scenario's snake_case names in this SDK's naming. */
const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

type Method = (...args: unknown[]) => unknown;

/**
 * Runs one step's call through the SDK's public API and returns what the SDK returned. `id` is the
 * first argument, the other args (when there are any) the body or query, then the request options;
 * a method that lists gives every item of every page.
 */
async function call(client: CloudNexus, step: Step, args: Record<string, unknown>): Promise<unknown> {
  const [resourceName, operation] = step.call.split('.') as [string, string];
  const resource = client[camelCase(resourceName) as keyof CloudNexus] as unknown as Record<string, Method>;
  assert.ok(resource && typeof resource === 'object', `unknown resource ${resourceName}`);
  const { id, ...rest } = args;
  const options = { wait: step.wait, idempotencyKey: step.idempotency_key };
  if (operation === 'list_page') return await resource.list!(rest);
  const method = resource[operation === 'list_all' ? 'list' : camelCase(operation)];
  assert.ok(typeof method === 'function', `unknown operation ${step.call}`);
  const hasBody = Object.keys(rest).length > 0;
  const result = method.apply(resource, [...(id === undefined ? [] : [id]), ...(hasBody ? [rest] : []), options]);
  if (result instanceof sdk.PagePromise) {
    const items: unknown[] = [];
    for await (const item of result as AsyncIterable<unknown>) items.push(item);
    return items;
  }
  return await result;
}

/** The items of a list result: every item for list_all, the page's data for list_page. */
function itemsOf(result: unknown): { id: string }[] {
  return (Array.isArray(result) ? result : (result as sdk.Page<{ id: string }>).data) as { id: string }[];
}

function check(expect: Record<string, unknown>, result: unknown, results: Results) {
  const object = result as Record<string, unknown>;
  for (const [kind, expected] of Object.entries(expect)) {
    switch (kind) {
      case 'fields':
        for (const [field, value] of Object.entries(expected as object)) assert.deepEqual(object[field], value, `field ${field}`);
        break;
      case 'not_null':
        for (const field of expected as string[]) assert.ok(object[field] !== null && object[field] !== undefined, `${field} is null`);
        break;
      case 'id_prefix':
        assert.ok(String(object.id).startsWith(expected as string), `id ${object.id} lacks prefix ${expected}`);
        break;
      case 'count':
        assert.equal(itemsOf(result).length, expected);
        break;
      case 'min_count':
        assert.ok(itemsOf(result).length >= (expected as number), `${itemsOf(result).length} < ${expected}`);
        break;
      case 'has_more':
        assert.equal((result as sdk.Page<unknown>).pagination.has_more, expected);
        break;
      case 'contains_id':
        assert.ok(itemsOf(result).some((item) => item.id === expected), `no item ${expected}`);
        break;
      case 'ids':
        assert.deepEqual(itemsOf(result).map((item) => item.id).sort(), [...(expected as string[])].sort());
        break;
      case 'every_fields':
        for (const item of itemsOf(result) as unknown as Record<string, unknown>[]) {
          for (const [field, value] of Object.entries(expected as object)) assert.deepEqual(item[field], value, `an item's ${field}`);
        }
        break;
      case 'same_id_as':
        assert.equal(object.id, (results[expected as string] as { id: string }).id);
        break;
      default:
        assert.fail(`unknown expectation ${kind}`);
    }
  }
}

function checkError(expect: Record<string, unknown>, error: unknown) {
  const ErrorClass = (sdk as unknown as Record<string, unknown>)[expect.error as string];
  assert.ok(typeof ErrorClass === 'function', `the SDK exports no ${expect.error}`);
  assert.ok(error instanceof (ErrorClass as typeof sdk.APIError), `expected ${expect.error}, got ${error}`);
  assert.equal(error.status, expect.status);
  const fields = error.details.map((detail) => detail.field);
  for (const field of (expect.detail_fields as string[] | undefined) ?? []) assert.ok(fields.includes(field), `no detail for ${field}: ${fields}`);
}

export function conformanceTests(live: LiveServer) {
  const scenario = JSON.parse(fs.readFileSync(scenarioPath, 'utf8')) as Scenario;
  const results: Results = {};
  for (const step of scenario.steps) {
    test(`${step.id}: ${step.call}`, async () => {
      const args = resolve(step.args ?? {}, scenario.vars, results) as Record<string, unknown>;
      const client = live.client(step.client?.api_key ? { apiKey: step.client.api_key } : {});
      const { error: expectedError, status, detail_fields, ...expect } = resolve(step.expect, scenario.vars, results) as Record<string, unknown>;
      if (expectedError !== undefined) {
        const outcome = await call(client, step, args).then(
          (value) => assert.fail(`expected ${expectedError}, got ${JSON.stringify(value)}`),
          (error: unknown) => error,
        );
        checkError({ error: expectedError, status, detail_fields }, outcome);
        return;
      }
      const result = await call(client, step, args);
      results[step.id] = result;
      check(expect, result, results);
    });
  }
}
