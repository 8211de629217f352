// Serverless functions on the sim driver, which runs the real code: deploys (files or a zip, a
// handler that does not load, a redeploy as version 2), sync and async invocations with their
// outcomes (success, a thrown error, a timeout, out of memory), the concurrency limits, refusals
// with their reasons, and nothing left behind (no worker directories) once a function is deleted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { DATABASE_KINDS } from './helpers/databases.js';
import { createTestAppWithCaller, type TestApp } from './helpers/app.js';
import { assertError } from './helpers/assertions.js';
import { waitFor, waitForResource } from './helpers/instances.js';

const NODE_SOURCE = `
exports.handler = async (event) => {
  console.log('event', JSON.stringify(event));
  console.error('to stderr');
  if (event.throw) throw new Error(event.throw);
  if (event.sleep_ms) await new Promise((resolve) => setTimeout(resolve, event.sleep_ms));
  if (event.hog) { const held = []; for (;;) held.push(new Array(1e6).fill(event.hog)); }
  if (event.spam) process.stdout.write('x'.repeat(200 * 1024));
  return { greeting: process.env.GREETING, keys: Object.keys(process.env).sort(), echo: event };
};
`;
const PYTHON_SOURCE = `
import os

def handler(event):
    print("python sees", event)
    if event.get("throw"):
        raise ValueError(event["throw"])
    if event.get("hog"):
        held = []
        while True:
            held.append(bytearray(10 ** 6))
    return {"greeting": os.environ.get("GREETING"), "echo": event}
`;

interface Fn {
  id: string;
  status: string;
  network_id: string | null;
  version: number;
  error: string | null;
  runtime: string;
  environment: string[];
}
interface Invocation {
  id: string;
  status: string;
  result: Record<string, unknown> | null;
  error: { type: string; message: string } | null;
  duration_ms: number;
  billed_ms: number;
  version: number;
  logs: string;
}

const workerDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('cnx-fn-'));
let counter = 0;

for (const kind of DATABASE_KINDS) {
  describe(`functions (${kind})`, () => {
    let t: TestApp;
    let key: string;
    let nodeRuntime: string;
    let pythonRuntime: string;
    before(async () => {
      ({ t, key } = await createTestAppWithCaller(kind, { systemClock: true }));
      const runtimes = (await t.request(key, { method: 'GET', url: '/v2/function_runtimes' })).json().data as { id: string }[];
      nodeRuntime = runtimes.find((r) => /^nodejs\d+$/.test(r.id))?.id ?? assert.fail('no node runtime');
      pythonRuntime = runtimes.find((r) => /^python3\.\d+$/.test(r.id))?.id ?? assert.fail('no python runtime');
    });
    after(() => t.close());

    const post = (url: string, payload: unknown, as = key) => t.request(as, { method: 'POST', url, payload: payload as object });
    const create = async (overrides: Record<string, unknown> = {}) => {
      const response = await post('/v2/functions', {
        name: `fn-${++counter}`,
        region: 'us-east-1',
        runtime: nodeRuntime,
        files: { 'index.js': NODE_SOURCE },
        handler: 'index.handler',
        memory_mb: 128,
        timeout_s: 5,
        environment: { GREETING: 'hello' },
        ...overrides,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as Fn;
    };
    const settled = (id: string, status: string) => waitForResource<Fn>(t, key, `/v2/functions/${id}`, status);
    const invoke = async (id: string, event: unknown) => {
      const response = await post(`/v2/functions/${id}/invoke`, event);
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as Invocation;
    };

    test('the runtime catalog lists the installed node and python', async () => {
      const body = (await t.request(key, { method: 'GET', url: '/v2/function_runtimes' })).json();
      const node = body.data.find((r: { id: string }) => r.id === nodeRuntime);
      assert.equal(node.language, 'nodejs');
      assert.equal(node.handler_example, 'index.handler');
      assert.match(node.version, new RegExp(`^${nodeRuntime.slice('nodejs'.length)}\\.`));
    });

    test('a node function deploys, runs with only its own environment, and records the invocation', async () => {
      const fn = await create();
      assert.deepEqual([fn.status, fn.version, fn.environment], ['deploying', 1, ['GREETING']]);
      const active = await settled(fn.id, 'active');
      assert.equal(JSON.stringify(active).includes('hello'), false, 'environment values are write-only');

      const answer = await invoke(fn.id, { n: 1 });
      assert.equal(answer.status, 'success');
      assert.deepEqual(answer.result, { greeting: 'hello', keys: ['GREETING'], echo: { n: 1 } });
      assert.equal(answer.version, 1);
      assert.ok(answer.billed_ms >= 1 && answer.billed_ms >= answer.duration_ms);
      assert.match(answer.logs, /event \{"n":1\}\n/);
      assert.match(answer.logs, /to stderr/);

      const listed = (await t.request(key, { method: 'GET', url: `/v2/functions/${fn.id}/invocations` })).json();
      assert.equal(listed.data[0].id, answer.id);
      const one = await t.request(key, { method: 'GET', url: `/v2/functions/${fn.id}/invocations/${answer.id}` });
      assert.deepEqual(one.json(), answer);
      const deployed = (await t.request(key, { method: 'GET', url: `/v2/events?resource_id=${fn.id}&type=function.deployed` })).json().data;
      assert.equal(deployed.length, 1);
      assert.equal(deployed[0].data.version, 1);
    });

    test('a python function from a zip runs; a thrown error is status error with its message', async () => {
      const zip = zipSync({ 'main.py': strToU8(PYTHON_SOURCE), 'lib/data.txt': strToU8('x') });
      const fn = await create({ runtime: pythonRuntime, files: undefined, source: Buffer.from(zip).toString('base64'), handler: 'main.handler' });
      await settled(fn.id, 'active');
      const ok = await invoke(fn.id, { a: [1, 2] });
      assert.deepEqual([ok.status, ok.result], ['success', { greeting: 'hello', echo: { a: [1, 2] } }]);
      assert.match(ok.logs, /python sees \{'a': \[1, 2\]\}/);
      const failed = await invoke(fn.id, { throw: 'no good' });
      assert.deepEqual([failed.status, failed.error], ['error', { type: 'handler_error', message: 'ValueError: no good' }]);
      const oom = await invoke(fn.id, { hog: true });
      assert.deepEqual([oom.status, oom.error?.type], ['error', 'out_of_memory']);
    });

    test('errors, timeouts and out-of-memory are answers, the next invocation gets a fresh worker, and delete leaves nothing', async () => {
      const othersWarm = new Set(workerDirs());
      const fn = await create({ timeout_s: 1 });
      await settled(fn.id, 'active');
      const thrown = await invoke(fn.id, { throw: 'bad input' });
      assert.deepEqual([thrown.status, thrown.result, thrown.error], ['error', null, { type: 'handler_error', message: 'Error: bad input' }]);
      const slow = await invoke(fn.id, { sleep_ms: 5_000 });
      assert.deepEqual([slow.status, slow.error?.type], ['timeout', 'timeout']);
      assert.ok(slow.duration_ms >= 1_000 && slow.duration_ms < 3_000, String(slow.duration_ms));
      const hog = await invoke(fn.id, { hog: 1 });
      assert.deepEqual([hog.status, hog.error?.type], ['error', 'out_of_memory']);
      const spam = await invoke(fn.id, { spam: true });
      assert.ok(Buffer.byteLength(spam.logs) <= 64 * 1024, String(spam.logs.length));
      assert.match(spam.logs, /\[logs truncated\]/);
      assert.equal((await invoke(fn.id, { n: 2 })).status, 'success');

      const deleted = await t.request(key, { method: 'DELETE', url: `/v2/functions/${fn.id}` });
      assert.equal(deleted.statusCode, 202);
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/functions/${fn.id}` }), (r) => r.statusCode === 404, 'the function to go');
      assert.equal(fs.existsSync(`${t.testDb.dataDir}/functions/${fn.id}`), false);
      // Its workers (and the directories they ran in) are gone; other functions' warm ones stay.
      await waitFor(async () => workerDirs().filter((d) => !othersWarm.has(d)), (mine) => mine.length === 0, 'its worker directories to go');
    });

    test('a handler that does not load is errored with the loader message; a PUT deploys version 2', async () => {
      const fn = await create({ handler: 'missing.handler' });
      const errored = await settled(fn.id, 'errored');
      assert.match(errored.error ?? '', /Cannot find module missing/);
      assertError(await post(`/v2/functions/${fn.id}/invoke`, {}), 409, 'invalid_state');
      const put = await t.request(key, { method: 'PUT', url: `/v2/functions/${fn.id}`, payload: { runtime: nodeRuntime, files: { 'index.mjs': 'export const handler = async () => "v2";' }, handler: 'index.handler' } });
      assert.equal(put.statusCode, 202, put.body);
      assert.equal(put.json().version, 2);
      const active = await settled(fn.id, 'active');
      assert.deepEqual([active.version, active.error, active.environment], [2, null, []]);
      const answer = await invoke(fn.id, {});
      assert.deepEqual([answer.result, answer.version], ['v2', 2]);
      const noExport = await t.request(key, { method: 'PUT', url: `/v2/functions/${fn.id}`, payload: { runtime: nodeRuntime, files: { 'index.js': 'exports.other = 1;' }, handler: 'index.handler' } });
      assert.equal(noExport.statusCode, 202);
      assert.match((await settled(fn.id, 'errored')).error ?? '', /does not export a function named handler/);
    });

    test('a redeploy lets an invocation running on the old version finish there; the next one runs the new version', async () => {
      const fn = await create();
      await settled(fn.id, 'active');
      const running = post(`/v2/functions/${fn.id}/invoke`, { sleep_ms: 800 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const put = await t.request(key, { method: 'PUT', url: `/v2/functions/${fn.id}`, payload: { runtime: nodeRuntime, files: { 'index.js': 'exports.handler = async () => "new";' }, handler: 'index.handler' } });
      assert.equal(put.statusCode, 202, put.body);
      await settled(fn.id, 'active');
      const old = (await running).json() as Invocation;
      assert.deepEqual([old.status, old.version, old.result?.echo], ['success', 1, { sleep_ms: 800 }]);
      const next = await invoke(fn.id, {});
      assert.deepEqual([next.result, next.version], ['new', 2]);
    });

    test('bad sources are 422 invalid_source: not a zip, a path outside the folder, a zip bomb', async () => {
      const base = { name: `bad-${++counter}`, region: 'us-east-1', runtime: nodeRuntime, handler: 'index.handler' };
      assertError(await post('/v2/functions', { ...base, source: Buffer.from('not a zip at all').toString('base64') }), 422, 'invalid_source');
      assertError(await post('/v2/functions', { ...base, source: '***' }), 422, 'invalid_source');
      assertError(await post('/v2/functions', { ...base, files: { '../escape.js': 'x' } }), 422, 'invalid_source');
      const traversal = zipSync({ '../../etc/evil.js': strToU8('x') });
      assertError(await post('/v2/functions', { ...base, source: Buffer.from(traversal).toString('base64') }), 422, 'invalid_source');
      const bomb = zipSync({ 'index.js': new Uint8Array(11 * 1024 * 1024) }, { level: 9 });
      assert.ok(bomb.length < 100_000);
      const refused = assertError(await post('/v2/functions', { ...base, source: Buffer.from(bomb).toString('base64') }), 422, 'invalid_source');
      assert.match(refused.error.details[0]?.message ?? '', /10 MiB/);
      assertError(await post('/v2/functions', { ...base, files: { 'index.js': 'x' }, source: Buffer.from(traversal).toString('base64') }), 422, 'validation_failed');
      assertError(await post('/v2/functions', { ...base, runtime: 'cobol85', files: { 'index.js': 'x' } }), 422, 'validation_failed');
      assertError(await post('/v2/functions', { ...base, files: { 'index.js': 'x' }, memory_mb: 64 }), 400, 'invalid_request');
      assertError(await post('/v2/functions', { ...base, files: { 'index.js': 'x' }, timeout_s: 301 }), 400, 'invalid_request');
      const list = (await t.request(key, { method: 'GET', url: '/v2/functions?limit=100' })).json().data as { name: string }[];
      assert.equal(list.some((f) => f.name === base.name), false);
    });

    test('async invocations answer 202 with an id that later shows the outcome', async () => {
      const fn = await create();
      await settled(fn.id, 'active');
      const response = await post(`/v2/functions/${fn.id}/invoke?async=true`, { sleep_ms: 200 });
      assert.equal(response.statusCode, 202, response.body);
      const { invocation } = response.json() as { invocation: string };
      assert.match(invocation, /^inv_/);
      const url = `/v2/functions/${fn.id}/invocations/${invocation}`;
      assert.equal(response.headers.location, url);
      const done = await waitFor(async () => (await t.request(key, { method: 'GET', url })).json() as Invocation, (i) => i.status !== 'running', 'the invocation to finish');
      assert.deepEqual(done.result?.echo, { sleep_ms: 200 });
    });

    test('the per-function concurrency limit answers 429 concurrency_limited with Retry-After', async () => {
      const fn = await create({ max_concurrency: 1 });
      await settled(fn.id, 'active');
      const answers = await Promise.all([post(`/v2/functions/${fn.id}/invoke`, { sleep_ms: 600 }), new Promise((r) => setTimeout(r, 150)).then(() => post(`/v2/functions/${fn.id}/invoke`, {}))]);
      assert.equal(answers[0].statusCode, 200);
      assertError(answers[1], 429, 'concurrency_limited');
      assert.equal(answers[1].headers['retry-after'], '1');
      const account = (await t.request(key, { method: 'GET', url: '/v2/account' })).json();
      assert.deepEqual(account.quotas.function_concurrency, { limit: 500, used: 0 });
      assert.ok(account.quotas.functions.used >= 1);
    });

    test('network_id: an unknown or another region\'s network is 422; the function holds an address there until a redeploy off it or a delete', async () => {
      const vpc = (await post('/v2/vpcs', { name: `fn-vpc-${++counter}`, region: 'us-east-1', ip_range: '10.61.0.0/16' })).json() as { id: string };
      const network = (await post('/v2/networks', { name: `fn-net-${++counter}`, vpc_id: vpc.id, ip_range: '10.61.1.0/24', environment: 'development' })).json() as { id: string };
      const elsewhere = (await post('/v2/vpcs', { name: `fn-vpc-${++counter}`, region: 'eu-west-1', ip_range: '10.62.0.0/16' })).json() as { id: string };
      const farNetwork = (await post('/v2/networks', { name: `fn-net-${++counter}`, vpc_id: elsewhere.id, ip_range: '10.62.1.0/24', environment: 'development' })).json() as { id: string };
      const payload = { name: `fn-${++counter}`, region: 'us-east-1', runtime: nodeRuntime, files: { 'index.js': NODE_SOURCE }, handler: 'index.handler' };
      for (const networkId of ['net_0000000000000000', farNetwork.id]) {
        const refused = assertError(await post('/v2/functions', { ...payload, network_id: networkId }), 422, 'validation_failed');
        assert.deepEqual(refused.error.details.map((d) => d.field), ['network_id']);
      }
      const other = (await t.newCaller()).key;
      assertError(await post('/v2/functions', { ...payload, network_id: network.id }, other), 422, 'validation_failed');

      const fn = await create({ network_id: network.id });
      await settled(fn.id, 'active');
      const deleteNetwork = () => t.request(key, { method: 'DELETE', url: `/v2/networks/${network.id}` });
      assertError(await deleteNetwork(), 409, 'has_dependents');
      const put = (body: Record<string, unknown>) => t.request(key, { method: 'PUT', url: `/v2/functions/${fn.id}`, payload: { runtime: nodeRuntime, files: { 'index.js': NODE_SOURCE }, handler: 'index.handler', ...body } });
      assertError(await put({ network_id: farNetwork.id }), 422, 'validation_failed');
      assert.equal((await put({})).statusCode, 202);
      assert.equal((await settled(fn.id, 'active')).network_id, null);
      assert.equal((await deleteNetwork()).statusCode, 204, 'a redeploy without network_id gave the address back');

      const second = (await post('/v2/networks', { name: `fn-net-${++counter}`, vpc_id: vpc.id, ip_range: '10.61.2.0/24', environment: 'development' })).json() as { id: string };
      assert.equal((await put({ network_id: second.id })).statusCode, 202);
      assert.equal((await settled(fn.id, 'active')).network_id, second.id);
      assertError(await t.request(key, { method: 'DELETE', url: `/v2/networks/${second.id}` }), 409, 'has_dependents');
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/functions/${fn.id}` })).statusCode, 202);
      await waitFor(() => t.request(key, { method: 'GET', url: `/v2/functions/${fn.id}` }), (r) => r.statusCode === 404, 'the function to go');
      assert.equal((await t.request(key, { method: 'DELETE', url: `/v2/networks/${second.id}` })).statusCode, 204, 'a delete gave the address back');
    });

    test('tenancy and scopes: another account gets 404, a read-only key cannot invoke, list filters by label', async () => {
      const fn = await create({ labels: { team: 'fn-tenancy' } });
      await settled(fn.id, 'active');
      const other = (await t.newCaller()).key;
      assertError(await t.request(other, { method: 'GET', url: `/v2/functions/${fn.id}` }), 404, 'not_found');
      assertError(await post(`/v2/functions/${fn.id}/invoke`, {}, other), 404, 'not_found');
      const { account } = await t.newCaller();
      const readOnly = await t.createKey(account.id, { scopes: ['functions:read'] });
      assertError(await post('/v2/functions', {}, readOnly), 403, 'insufficient_scope');
      const filtered = (await t.request(key, { method: 'GET', url: '/v2/functions?label_selector=team%3Dfn-tenancy' })).json().data as Fn[];
      assert.deepEqual(filtered.map((f) => f.id), [fn.id]);
    });
  });
}
