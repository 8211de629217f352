#!/usr/bin/env node
// `npm run bench`: the CloudNexus server against baselines (bare node:https and node:http, bare
// Fastify) and a peer (moto's EC2 server), all in one run on this machine, driven by wrk and
// alternating targets round by round so every target sees the same machine conditions. See bench/README.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, LIST_PATH, SERVER_DIR, loadConfig } from './lib/config.mjs';
import { forkTracked, stopAll, waitForMessage } from './lib/children.mjs';
import { fetchOnce } from './lib/fetch-once.mjs';
import { warmInvokeTarget } from './lib/functions.mjs';
import { ensureMoto, startMoto } from './lib/moto.mjs';
import { freshSchema } from './lib/postgres.mjs';
import { createAccount, ensureBuilt, startServer } from './lib/real-server.mjs';
import { measure } from './lib/measure.mjs';
import { clientCheck, ratiosTo } from './lib/ratios.mjs';
import { machineConditions, printTable, writeJson } from './lib/report.mjs';
import { seedInstances, seedPosition } from './lib/seed.mjs';
import { median } from './lib/stats.mjs';
import { mixedTarget } from './lib/mixed.mjs';
import { create, get, motoCreate, motoList } from './lib/workloads.mjs';
import { ensureWrk } from './lib/wrk.mjs';

const METRICS = ['rps', 'p50Ms', 'p99Ms', 'targetCpuPct', 'loadCpuPct', 'otherCpuPct', 'targetCpuUsPerRequest', 'bytesPerResponse'];
// Instances moto holds, so DescribeInstances MaxResults=20 answers a full page like our list.
const MOTO_INSTANCES = 100;
// The server answers a repeated read from its response cache while nothing changed; the `-fresh`
// targets send this, so every request runs the handler: the query, at any depth.
const FRESH = { 'cache-control': 'no-cache' };
// Connections of the warm-invoke targets (issue 20: p50 under 20 ms warm), and of the node:https floor beside them.
const INVOKE_CONNECTIONS = 4;
// Instances seeded on PostgreSQL: a few full pages; depth is measured on SQLite.
const PG_INSTANCES = 100;
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
// The floors every ratio is stated against, and the framework's ceiling, run whatever BENCH_ONLY names.
const FLOORS = ['node', 'node-2wrk', 'node-http', 'fastify'];
const wanted = (name) => config.only === null || FLOORS.includes(name) || config.only.includes(name);
let dataDir = null;
let postgres = null;

// Idempotent: reached from success, failure and signals, possibly more than one at once.
let cleaning = null;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    await stopAll();
    // After the servers are gone, so nothing holds a lock on the schema.
    if (postgres?.drop) await postgres.drop().catch((error) => console.error(`could not drop schema ${postgres.schema}: ${error.message}`));
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and removing ${dataDir ?? 'the temp dir'}`);
    cleanup().finally(() => process.exit(code));
  });
}

/** Forks one of the bare baselines and waits for its port. */
async function startBaseline(name, file, options) {
  const child = forkTracked(name, path.join(BENCH_DIR, file), [JSON.stringify(options)]);
  const { port } = await waitForMessage(child, 30_000);
  return { child, port };
}

/**
 * A second real server on PostgreSQL (in a fresh schema) for the list, cached and fresh, or null
 * when no database is reachable: then the run says so and goes on without it.
 */
async function startPostgresServer() {
  postgres = await freshSchema();
  if (postgres.skipped) {
    console.log(`PostgreSQL: skipped, ${postgres.skipped}`);
    return null;
  }
  // Its own data dir for its own certificate; the database is the schema.
  const pgDir = path.join(dataDir, 'postgres');
  await fs.mkdir(pgDir);
  const database = ['--database-url', postgres.url];
  const account = await createAccount(pgDir, 'bench-list', database);
  await postgres.seed(account.accountId, PG_INSTANCES);
  const pgServer = await startServer(pgDir, database);
  const headers = { authorization: `Bearer ${account.apiKey}` };
  const page = await fetchOnce({ port: pgServer.port, path: LIST_PATH, headers, ca: await fs.readFile(pgServer.certFile) });
  if (page.status !== 200 || JSON.parse(page.body).data.length !== 20) throw new Error(`GET ${LIST_PATH} on PostgreSQL answered ${page.status}: ${page.body.slice(0, 300)}`);
  console.log(`PostgreSQL: schema ${postgres.schema}, server on :${pgServer.port}`);
  const minBytes = Buffer.byteLength(page.body);
  const target = (name, extra) => ({ name, port: pgServer.port, pid: pgServer.child.pid, tls: true, minBytes, workload: get(LIST_PATH, { ...headers, ...extra }) });
  return [target('list-pg', {}), target('list-pg-fresh', FRESH)];
}

async function main() {
  const wrk = ensureWrk();
  await ensureBuilt(config);
  if (wanted('moto-list') || wanted('moto-create')) ensureMoto();
  const startedAt = new Date().toISOString();
  const machine = machineConditions(wrk);

  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudnexus-bench-'));
  // Each account is one CLI run (about a second): only the targets that write get theirs.
  const creatorCount = wanted('create') || wanted('mixed') ? config.createAccounts : 0;
  process.stdout.write(`Creating ${creatorCount + 1} account${creatorCount === 0 ? '' : 's'}... `);
  const accountsStart = Date.now();
  const list = await createAccount(dataDir, 'bench-list');
  const creators = [];
  for (let i = 0; i < creatorCount; i++) creators.push((await createAccount(dataDir, `bench-create-${i}`)).apiKey);
  // The mixed target's accounts: the create accounts, and more if it wants more.
  const mixers = creators.slice(0, config.mixedAccounts);
  while (wanted('mixed') && mixers.length < config.mixedAccounts) mixers.push((await createAccount(dataDir, `bench-mixed-${mixers.length}`)).apiKey);
  console.log(`${((Date.now() - accountsStart) / 1000).toFixed(1)} s`);

  process.stdout.write(`Seeding ${config.depth.toLocaleString('en')} instances into SQLite... `);
  const seedStart = Date.now();
  await seedInstances(path.join(dataDir, 'cloudnexus.db'), list.accountId, config.depth);
  console.log(`${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  // A known cursor secret lets us sign the cursor of the row `depth - limit - 1` deep with the
  // server's own Cursors class: the same cursor the server would hand out after walking there.
  const cursorSecret = randomBytes(32).toString('hex');
  const server = await startServer(dataDir, ['--sim-delay-ms', '0', '--cursor-secret', cursorSecret]);
  const { Cursors } = await import(pathToFileURL(path.join(SERVER_DIR, 'dist', 'http', 'pagination.js')).href);
  const deepIndex = Math.max(0, config.depth - 20 - 1);
  const deepPath = `${LIST_PATH}&cursor=${new Cursors(cursorSecret).encode('instances', seedPosition(deepIndex))}`;

  const headers = { authorization: `Bearer ${list.apiKey}` };
  const ca = await fs.readFile(server.certFile);
  const tls = { certFile: server.certFile, keyFile: server.keyFile };

  const first = await fetchOnce({ port: server.port, path: LIST_PATH, headers, ca });
  const deep = await fetchOnce({ port: server.port, path: deepPath, headers, ca });
  for (const [what, answer, expected] of [['first page', first, 0], ['deep page', deep, deepIndex + 1]]) {
    if (answer.status !== 200) throw new Error(`GET ${what} answered ${answer.status}: ${answer.body}`);
    const id = JSON.parse(answer.body).data[0]?.id;
    if (id !== seedPosition(expected)[1]) throw new Error(`the ${what} starts at ${id}, expected ${seedPosition(expected)[1]}`);
  }

  // The Fastify baseline serves exactly what the server answered, so both put the same bytes on the wire.
  const bodyFile = path.join(dataDir, 'list-body.json');
  await fs.writeFile(bodyFile, first.body);
  const bareFastify = await startBaseline('bare Fastify', 'bare-server.mjs', { ...tls, bodyFile, route: '/v2/instances' });
  const copy = await fetchOnce({ port: bareFastify.port, path: LIST_PATH, headers, ca });
  if (copy.status !== 200 || copy.body !== first.body) throw new Error(`the bare Fastify answer (${copy.status}) differs from the real server's`);
  const bareNode = await startBaseline('bare node:https', 'bare-node.mjs', tls);
  const bareHttp = await startBaseline('bare node:http', 'bare-node.mjs', {});
  const moto = wanted('moto-list') || wanted('moto-create') ? await startMoto(MOTO_INSTANCES) : null;

  const invokeTarget = wanted('invoke') ? await warmInvokeTarget({ port: server.port, headers, ca }) : null;

  const serverPid = server.child.pid;
  const pgTargets = wanted('list-pg') || wanted('list-pg-fresh') ? ((await startPostgresServer()) ?? []) : [];
  const cloudnexus = (name, workload, minBytes) => ({ name, port: server.port, pid: serverPid, tls: true, workload, minBytes });
  const pageBytes = Buffer.byteLength(first.body);
  const node = { name: 'node', port: bareNode.port, pid: bareNode.child.pid, tls: true, workload: get('/'), minBytes: 12 };
  const targets = [
    node,
    // The same target with two wrk processes: if one process were the limit, this row would be higher.
    { ...node, name: 'node-2wrk', processes: 2 },
    { ...node, name: 'node-http', port: bareHttp.port, pid: bareHttp.child.pid, tls: false },
    { name: 'fastify', port: bareFastify.port, pid: bareFastify.child.pid, tls: true, workload: get(LIST_PATH, headers), minBytes: pageBytes },
    cloudnexus('list', get(LIST_PATH, headers), pageBytes),
    cloudnexus('list-fresh', get(LIST_PATH, { ...headers, ...FRESH }), pageBytes),
    ...pgTargets,
    cloudnexus('list-deep', get(deepPath, { ...headers, ...FRESH }), Buffer.byteLength(deep.body)),
    { ...node, name: 'node-c4', connections: INVOKE_CONNECTIONS },
    ...(invokeTarget ? [{ ...cloudnexus('invoke', invokeTarget.workload, invokeTarget.minBytes), connections: INVOKE_CONNECTIONS }] : []),
    // moto (Python) has no JIT to warm, and a warm-up would leave it seconds of queued requests.
    { name: 'moto-list', port: moto?.port, pid: moto?.child.pid, tls: false, workload: motoList(), warmup: false },
    {
      ...cloudnexus('create', create('/v2/instances', creators, { region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04' })),
      checkStatus: 201,
      onFailure: 'A 422 is the instance quota (raise BENCH_CREATE_ACCOUNTS), a 429 the rate limit',
    },
    ...(wanted('mixed') ? [await mixedTarget({ port: server.port, pid: serverPid, ca, concurrency: config.concurrency }, mixers)] : []),
    { name: 'moto-create', port: moto?.port, pid: moto?.child.pid, tls: false, workload: motoCreate(), checkStatus: 200, warmup: false },
  ].filter((target) => wanted(target.name));
  console.log(`Server :${server.port}, bare node:https :${bareNode.port}, node:http :${bareHttp.port}, bare Fastify :${bareFastify.port}, moto :${moto?.port ?? 'not run'}; list page ${first.body.length} bytes.`);

  // Alternating every target each round spreads any drift in machine load over all of them.
  const runs = [];
  for (let round = 1; round <= config.rounds; round++) {
    for (const target of targets) {
      process.stdout.write(`round ${round}/${config.rounds}  ${target.name.padEnd(11)}  `);
      const before = await target.counters?.();
      const result = await measure({ target, config, wrk, workDir: dataDir });
      const after = await target.counters?.();
      // Over the warm-up and the measured window: the counters are the server's, read around both.
      if (before && after) result.cacheHitRate = (after.hits - before.hits) / (after.hits - before.hits + after.misses - before.misses);
      console.log(`${result.rps.toFixed(0)} req/s`);
      runs.push({ target: target.name, round, ...result });
    }
  }

  const summarize = (name) => {
    const mine = runs.filter((run) => run.target === name);
    const of = (key) => (mine.some((run) => run[key] === null) ? null : median(mine.map((run) => run[key])));
    return Object.fromEntries(METRICS.map((key) => [key, of(key)]));
  };
  const summary = Object.fromEntries(targets.map((t) => [t.name, summarize(t.name)]));
  const mixedRuns = runs.filter((run) => run.target === 'mixed');
  const mixedMedian = (of) => (mixedRuns.length === 0 ? undefined : median(mixedRuns.map(of)));
  // A ratio of targets that did not both run (BENCH_ONLY) is left out.
  const of = (name, key) => summary[name]?.[key];
  const ratios = [
    { name: 'list p99 ms', value: of('list', 'p99Ms'), meaning: `target < 10 at ${config.concurrency} connections` },
    { name: 'list fresh p99 ms', value: of('list-fresh', 'p99Ms'), meaning: `issue 23: < 10 at ${config.concurrency} connections` },
    { name: 'list fresh on PostgreSQL p99 ms', value: of('list-pg-fresh', 'p99Ms'), meaning: 'every request runs the query' },
    { name: 'list / bare Fastify req/s', value: of('list', 'rps') / of('fastify', 'rps'), meaning: 'same bytes' },
    { name: `page ~${deepIndex.toLocaleString('en')} deep / first page, p50`, value: of('list-deep', 'p50Ms') / of('list-fresh', 'p50Ms'), meaning: 'target <= 1.5, both fresh' },
    { name: 'page deep / first, CPU us per request', value: of('list-deep', 'targetCpuUsPerRequest') / of('list-fresh', 'targetCpuUsPerRequest'), meaning: 'target <= 1.5, both fresh' },
    { name: 'list / moto DescribeInstances req/s', value: of('list', 'rps') / of('moto-list', 'rps'), meaning: 'target >= 10' },
    { name: 'list fresh / moto DescribeInstances req/s', value: of('list-fresh', 'rps') / of('moto-list', 'rps'), meaning: 'target >= 10' },
    { name: 'invoke p50 ms', value: of('invoke', 'p50Ms'), meaning: `issue 20: < 20 warm on sim, at ${INVOKE_CONNECTIONS} connections` },
    { name: 'invoke / node:https req/s', value: of('invoke', 'rps') / of('node-c4', 'rps'), meaning: `both at ${INVOKE_CONNECTIONS} connections` },
    { name: 'create / moto RunInstances req/s', value: of('create', 'rps') / of('moto-create', 'rps'), meaning: 'no target' },
    { name: 'mixed reads / node:https req/s', value: mixedMedian((run) => run.parts.read.rps) / of('node', 'rps'), meaning: 'issue 23: >= 0.30' },
    { name: 'mixed reads req/s', value: mixedMedian((run) => run.parts.read.rps), meaning: `${config.mixedAccounts} accounts, 4 filters` },
    { name: 'mixed writes req/s', value: mixedMedian((run) => run.parts.write.rps), meaning: 'create, restart, delete in turn' },
    { name: 'mixed write share', value: mixedMedian((run) => run.parts.write.rps / (run.parts.read.rps + run.parts.write.rps)), meaning: 'issue 23 asks ~0.05' },
    { name: 'mixed read p99 ms', value: mixedMedian((run) => run.parts.read.p99Ms), meaning: '' },
    { name: 'mixed write p99 ms', value: mixedMedian((run) => run.parts.write.p99Ms), meaning: '' },
    { name: 'mixed cache hit rate', value: mixedMedian((run) => run.cacheHitRate), meaning: 'reads answered from the response cache' },
  ].filter((ratio) => ratio.value !== undefined && !Number.isNaN(ratio.value));
  const baselines = ratiosTo(summary, ['fastify', 'list', 'list-fresh', 'list-pg', 'list-pg-fresh', 'list-deep', 'invoke', 'mixed', 'moto-list', 'create', 'moto-create']);
  const client = clientCheck(summary.node, summary['node-2wrk']);

  const report = {
    benchmark: 'bench',
    startedAt,
    requests: Object.fromEntries(targets.map((t) => [t.name, t.workload])),
    listBytes: first.body.length,
    postgres: postgres === null ? { skipped: 'not asked for (BENCH_ONLY)' } : postgres.skipped ? { skipped: postgres.skipped } : { schema: postgres.schema },
    deepIndex,
    config,
    machine: { ...machine, loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100) },
    runs,
    summary,
    clientCheck: client,
    baselines,
    ratios,
  };
  printTable(report);
  console.log(`Results written to ${path.relative(process.cwd(), writeJson(report))}`);
}

main().then(cleanup, async (error) => {
  // After a signal, children dying is expected; the signal handler reports and exits.
  if (!interrupted) console.error(`\nbench failed: ${error.message}`);
  await cleanup();
  process.exitCode = 1;
});
