// The bench's own plumbing: wrk's output read into numbers, the failures it must not count, the
// Lua it is given, and (when wrk is installed) that Lua driving a real wrk against a local server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { combine, splitConnections } from '../lib/measure.mjs';
import { clientCheck, ratiosTo } from '../lib/ratios.mjs';
import { luaString, wrkScript } from '../lib/wrk-script.mjs';
import { parseWrkOutput, runWrk, wrkFailure } from '../lib/wrk.mjs';
import { create, get } from '../lib/workloads.mjs';

// What wrk 4.1 prints for a run, followed by the line the generated done() adds.
const OUTPUT = `Running 3s test @ https://127.0.0.1:42587/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.37ms  412.00us  12.10ms   91.02%
    Req/Sec    21.30k     1.02k   22.51k    80.00%
  63600 requests in 3.00s, 6.19MB read
Requests/sec:  21200.00
Transfer/sec:      2.06MB
BENCH_RESULT {"durationUs":3000000,"requests":63600,"bytes":6487200,"errors":{"connect":0,"read":0,"write":0,"status":0,"timeout":0},"latencyUs":{"p50":2310,"p90":2800,"p99":4120,"max":12100,"mean":2370.5},"unexpected":0,"firstUnexpected":null}
`;

test('parseWrkOutput turns the BENCH_RESULT line into req/s, ms and bytes per response', () => {
  const result = parseWrkOutput(OUTPUT);
  assert.equal(result.requests, 63600);
  assert.equal(result.seconds, 3);
  assert.equal(result.rps, 21200);
  assert.equal(result.bytesPerResponse, 102);
  assert.equal(result.p50Ms, 2.31);
  assert.equal(result.p99Ms, 4.12);
  assert.equal(result.maxMs, 12.1);
  assert.equal(wrkFailure(result), null);
});

test('parseWrkOutput without the result line fails, quoting what wrk printed', () => {
  assert.throws(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused\n'), /no BENCH_RESULT line[\s\S]*Connection refused/);
});

test('wrkFailure names status errors, unexpected statuses and socket errors', () => {
  const base = parseWrkOutput(OUTPUT);
  assert.match(wrkFailure({ ...base, errors: { ...base.errors, status: 7 } }), /7 of 63600 responses had a status of 400 or more/);
  assert.match(wrkFailure({ ...base, unexpected: 2, firstUnexpected: '422 {"error":{}}' }), /2 responses had an unexpected status \(the first: 422/);
  assert.match(wrkFailure({ ...base, errors: { ...base.errors, read: 3 } }), /socket errors: connect 0, read 3, write 0/);
});

test('luaString escapes quotes, backslashes and control bytes so a digit after them stays a digit', () => {
  assert.equal(luaString('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(luaString('x\n1'), '"x\\0101"');
  assert.equal(luaString('\u0000'), '"\\000"');
});

test('a static script sets the method, path, headers and body once; a checked one adds response()', () => {
  const script = wrkScript({ workload: { kind: 'static', method: 'POST', path: '/', headers: { authorization: 'Bearer k"1' }, body: 'a=1' } });
  assert.match(script, /^wrk\.method = "POST"$/m);
  assert.match(script, /^wrk\.headers\["authorization"\] = "Bearer k\\"1"$/m);
  assert.match(script, /^wrk\.body = "a=1"$/m);
  assert.doesNotMatch(script, /function request|function response/);
  assert.match(wrkScript({ workload: get('/'), checkStatus: 200 }), /if status ~= 200 then/);
});

test('splitConnections and combine: two processes split the connections and add their req/s', () => {
  assert.deepEqual(splitConnections(50, 2), [25, 25]);
  assert.deepEqual(splitConnections(5, 2), [3, 2]);
  const a = { requests: 100, seconds: 1, rps: 100, bytesPerResponse: 10, p50Ms: 1, p99Ms: 5, maxMs: 9 };
  const b = { requests: 300, seconds: 1.1, rps: 300, bytesPerResponse: 20, p50Ms: 2, p99Ms: 3, maxMs: 4 };
  assert.deepEqual(combine([a, b]), { requests: 400, seconds: 1.1, rps: 400, bytesPerResponse: 17.5, p50Ms: 2, p99Ms: 5, maxMs: 9 });
});

test('clientCheck flags one wrk process more than 10% below two', () => {
  assert.equal(clientCheck({ rps: 9500 }, { rps: 10000 }).ok, true);
  assert.equal(clientCheck({ rps: 8900 }, { rps: 10000 }).ok, false);
});

const hasWrk = spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error?.code !== 'ENOENT';

test('the create script against a real wrk: unique keys and names, keys in rotation, bad statuses counted', { skip: !hasWrk && 'wrk is not installed' }, async () => {
  const seen = [];
  let answered = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ key: req.headers['idempotency-key'], auth: req.headers.authorization, body: JSON.parse(body) });
      // Every tenth answer is a 422, as from a full quota.
      res.writeHead(++answered % 10 === 0 ? 422 : 201).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-test-'));
  try {
    const scriptFile = path.join(dir, 'create.lua');
    fs.writeFileSync(scriptFile, wrkScript({ workload: create('/v2/instances', ['k0', 'k1', 'k2'], { plan: 'micro' }), checkStatus: 201, runId: 'test' }));
    const result = await runWrk({ command: 'wrk', name: 'test', url: `http://127.0.0.1:${server.address().port}/`, scriptFile, connections: 4, seconds: 1 });
    assert.ok(seen.length > 10, `only ${seen.length} requests`);
    assert.equal(new Set(seen.map((r) => r.key)).size, seen.length);
    assert.ok(seen.every((r) => r.body.plan === 'micro' && r.body.name === r.key));
    const perKey = ['k0', 'k1', 'k2'].map((k) => seen.filter((r) => r.auth === `Bearer ${k}`).length);
    assert.ok(Math.max(...perKey) - Math.min(...perKey) <= 1, `uneven rotation ${perKey}`);
    assert.ok(result.unexpected > 0);
    assert.match(result.firstUnexpected, /^422 /);
    assert.equal(result.errors.status, result.unexpected);
  } finally {
    server.close();
    server.closeAllConnections();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ratios: each target over both floors and over the Fastify ceiling; targets that did not run are left out', () => {
  const summary = { node: { rps: 40_000 }, 'node-http': { rps: 50_000 }, fastify: { rps: 10_000 }, list: { rps: 8_000 } };
  const [list, ...rest] = ratiosTo(summary, ['list', 'list-fresh']);
  assert.deepEqual(rest, []);
  assert.equal(list.target, 'list');
  assert.equal(list.overHttps, 0.2);
  assert.equal(list.overHttp, 0.16);
  assert.equal(list.overFastify, 0.8);
  assert.match(list.goal, /0\.40/);
});
