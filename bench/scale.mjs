#!/usr/bin/env node
// `npm run bench:scale` (issue 23, item 4): what a fresh list page and a create cost as the data
// grows, 1k, 100k and 1M instances in the listing account, among 10 or 10,000 accounts. Each size
// gets its own data dir, seeded straight in SQL, and one server; list-fresh and create are measured
// with wrk as in `npm run bench` (CPU per request is the figure to compare: it does not depend on
// the machine's load the way req/s does). Not part of `npm test`; about 4 minutes.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LIST_PATH, loadConfig } from './lib/config.mjs';
import { stopAll } from './lib/children.mjs';
import { createAccount, ensureBuilt, startServer } from './lib/real-server.mjs';
import { measure } from './lib/measure.mjs';
import { machineConditions, writeJson } from './lib/report.mjs';
import { seedAccounts, seedInstances } from './lib/seed.mjs';
import { create, get } from './lib/workloads.mjs';
import { ensureWrk } from './lib/wrk.mjs';

// Comma-separated overrides, for a quick smoke run: BENCH_SCALE_SIZES=1000 BENCH_SCALE_ACCOUNTS=10.
const list = (name, fallback) => (process.env[name] ? process.env[name].split(',').map(Number) : fallback);
const SIZES = list('BENCH_SCALE_SIZES', [1_000, 100_000, 1_000_000]);
const ACCOUNTS = list('BENCH_SCALE_ACCOUNTS', [10, 10_000]);
// Instances each of the other accounts holds: the tables grow with the accounts too.
const INSTANCES_PER_OTHER_ACCOUNT = 10;
// Creates spread over these (each holds at most 500 instances).
const CREATE_ACCOUNTS = 8;

const config = { ...loadConfig(), seconds: Number(process.env.BENCH_SECONDS ?? 5), rounds: 1 };
const dirs = [];

async function point(wrk, instances, accounts) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudnexus-scale-'));
  dirs.push(dataDir);
  const list = await createAccount(dataDir, 'scale-list');
  const creators = [];
  for (let i = 0; i < CREATE_ACCOUNTS; i++) creators.push((await createAccount(dataDir, `scale-create-${i}`)).apiKey);
  const file = path.join(dataDir, 'cloudnexus.db');
  await seedInstances(file, list.accountId, instances);
  await seedAccounts(file, accounts - 1 - CREATE_ACCOUNTS, INSTANCES_PER_OTHER_ACCOUNT);
  const server = await startServer(dataDir, ['--sim-delay-ms', '0']);
  const target = (name, workload, extra = {}) => ({ name, port: server.port, pid: server.child.pid, tls: true, workload, ...extra });
  const headers = { authorization: `Bearer ${list.apiKey}`, 'cache-control': 'no-cache' };
  const fresh = await measure({ target: target('list-fresh', get(LIST_PATH, headers)), config, wrk, workDir: dataDir });
  const creates = await measure({
    target: target('create', create('/v2/instances', creators, { region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04' }), { checkStatus: 201 }),
    config,
    wrk,
    workDir: dataDir,
  });
  server.child.kill('SIGTERM');
  const row = { instances, accounts, listFresh: fresh, create: creates };
  console.log(`${instances.toLocaleString('en').padStart(9)} instances, ${accounts.toLocaleString('en').padStart(6)} accounts: list-fresh ${fresh.rps.toFixed(0)} req/s ${fresh.targetCpuUsPerRequest.toFixed(0)} us/req p99 ${fresh.p99Ms.toFixed(1)} ms; create ${creates.rps.toFixed(0)} req/s ${creates.targetCpuUsPerRequest.toFixed(0)} us/req p99 ${creates.p99Ms.toFixed(1)} ms`);
  return row;
}

async function main() {
  const wrk = ensureWrk();
  await ensureBuilt(config);
  const machine = machineConditions(wrk);
  const startedAt = new Date().toISOString();
  const points = [];
  for (const accounts of ACCOUNTS) for (const instances of SIZES) points.push(await point(wrk, instances, accounts));
  console.log(`load average ${machine.loadAverage.join(' ')} before, ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} after`);
  console.log(`Results written to ${path.relative(process.cwd(), writeJson({ benchmark: 'scale', startedAt, machine, config, points }))}`);
}

main()
  .catch((error) => {
    console.error(`\nbench:scale failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });
