// Runs sdks/conformance/scenario.json through the CLI, as sdks/conformance/README.md describes:
// each step becomes one `cloudnexus … -o json` run; errors are read back from the exit code and
// the one-line message on stderr.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { exitCodeForStatus } from '../src/exit-codes.js';
import { apiEnv, cli, cliDir } from './helpers/cli.js';

interface Step {
  id: string;
  call: string;
  args?: Record<string, unknown>;
  wait?: boolean;
  idempotency_key?: string;
  client?: { api_key?: string };
  expect: Record<string, any>;
}

const scenario = JSON.parse(fs.readFileSync(path.join(cliDir, '..', 'sdks', 'conformance', 'scenario.json'), 'utf8')) as {
  vars: Record<string, unknown>;
  steps: Step[];
};

/** Flags whose CLI name is not the API field's name in kebab case (repeatable ones are singular). */
const FLAG_NAMES: Record<string, string> = { ssh_keys: 'ssh-key', labels: 'label', label_selector: 'selector', event_types: 'event-type', volume_ids: 'volume-id' };
/** Object fields given as repeated `--flag key=value`; any other object or list of objects is one JSON flag. */
const KEY_VALUE_FIELDS = new Set(['labels']);
/** Methods that list what belongs to one resource: like `list_all`, the scenario wants every item. */
const LISTING_METHODS = new Set(['deliveries', 'actions', 'backups']);

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** Replaces `$vars.NAME` and `$STEP.FIELD` strings, however deep, by the values they name. */
function resolve(value: unknown, results: Map<string, any>): unknown {
  if (typeof value === 'string' && value.startsWith('$')) {
    const [source, field] = value.slice(1).split('.') as [string, string];
    return source === 'vars' ? scenario.vars[field] : results.get(source)?.[field];
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, results));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner, results)]));
  return value;
}

/** `instances.list_all` with `{label_selector: …}` → `instances list --all --selector …`. */
function argv(step: Step, args: Record<string, unknown>): string[] {
  const [resource, operation] = step.call.split('.') as [string, string];
  const verb = { retrieve: 'get', list_all: 'list', list_page: 'list' }[operation] ?? operation.replace(/_/g, '-');
  const words = [resource.replace(/_/g, '-'), verb];
  if (operation === 'list_all' || LISTING_METHODS.has(operation)) words.push('--all');
  for (const [key, value] of Object.entries(args)) {
    const flag = `--${FLAG_NAMES[key] ?? key.replace(/_/g, '-')}`;
    if (key === 'id') words.push(String(value));
    else if (KEY_VALUE_FIELDS.has(key)) Object.entries(value as object).forEach(([name, inner]) => words.push(flag, `${name}=${inner}`));
    else if (Array.isArray(value) && value.every(isScalar)) value.forEach((item) => words.push(flag, String(item)));
    else if (!isScalar(value)) words.push(flag, JSON.stringify(value));
    else words.push(flag, String(value));
  }
  if (step.wait) words.push('--wait');
  if (step.idempotency_key) words.push('--idempotency-key', step.idempotency_key);
  return [...words, '-o', 'json'];
}

function checkResult(step: Step, result: any, hasMore: boolean, results: Map<string, any>): void {
  const expect = resolve(step.expect, results) as Step['expect'];
  for (const [field, value] of Object.entries(expect.fields ?? {})) assert.deepEqual(result[field], value, `${step.id}: ${field}`);
  for (const field of expect.not_null ?? []) assert.notEqual(result[field] ?? null, null, `${step.id}: ${field} is null`);
  if (expect.id_prefix) assert.ok(result.id.startsWith(expect.id_prefix), `${step.id}: id ${result.id}`);
  if (expect.count !== undefined) assert.equal(result.length, expect.count, step.id);
  if (expect.min_count !== undefined) assert.ok(result.length >= expect.min_count, `${step.id}: ${result.length} items`);
  if (expect.has_more !== undefined) assert.equal(hasMore, expect.has_more, step.id);
  if (expect.contains_id) assert.ok(result.some((item: any) => item.id === expect.contains_id), step.id);
  if (expect.ids) assert.deepEqual(result.map((item: any) => item.id).sort(), [...expect.ids].sort(), step.id);
  for (const item of expect.every_fields ? result : []) {
    for (const [field, value] of Object.entries(expect.every_fields)) assert.deepEqual(item[field], value, `${step.id}: an item's ${field}`);
  }
  if (expect.same_id_as) assert.equal(result.id, results.get(expect.same_id_as).id, step.id);
}

test('the SDK conformance scenario, through the CLI', async (t) => {
  const results = new Map<string, any>();
  for (const step of scenario.steps) {
    await t.test(step.id, async () => {
      const env = { ...apiEnv(), ...(step.client?.api_key ? { CLOUDNEXUS_API_KEY: step.client.api_key } : {}) };
      const run = await cli(argv(step, resolve(step.args ?? {}, results) as Record<string, unknown>), { env });
      if (step.expect.error) {
        const status = step.expect.status as number;
        assert.equal(run.code, exitCodeForStatus(status), `${step.id}: exit code; stderr: ${run.stderr}`);
        assert.match(run.stderr, new RegExp(`^Error ${status}: `), step.id);
        for (const field of step.expect.detail_fields ?? []) assert.match(run.stderr, new RegExp(`— (.*; )?${field}: `), `${step.id}: detail ${field}`);
        return;
      }
      assert.equal(run.code, 0, `${step.id}: ${run.stderr}`);
      // A delete that answers 204 prints nothing on stdout (its confirmation goes to stderr).
      const result = run.stdout.trim() === '' ? null : JSON.parse(run.stdout);
      checkResult(step, result, run.stderr.includes('More results:'), results);
      results.set(step.id, result);
    });
  }
});
