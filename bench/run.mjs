#!/usr/bin/env node
// `npm run bench`: req/s of an authenticated GET /v2/regions?limit=20 on the real CloudNexus server
// against a bare Fastify HTTPS route serving the same bytes, alternating the two in one run so
// both see the same machine conditions. See bench/README.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, loadConfig, REQUEST_PATH } from './lib/config.mjs';
import { forkTracked, stopAll, waitForExit, waitForMessage } from './lib/children.mjs';
import { fetchOnce } from './lib/fetch-once.mjs';
import { createAccount, ensureBuilt, startServer } from './lib/real-server.mjs';
import { machineConditions, printTable, writeJson } from './lib/report.mjs';
import { median } from './lib/stats.mjs';

const TARGETS = ['bare', 'server'];
const METRICS = ['rps', 'p50Ms', 'p99Ms', 'targetCpuPct', 'loadCpuPct', 'otherCpuPct', 'targetCpuUsPerRequest'];
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
let dataDir = null;

// Idempotent: reached from success, failure and signals, possibly more than one at once.
let cleaning = null;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    await stopAll();
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

/** One measured run: a fresh load-generator process against one target. */
async function measure(target, common) {
  const options = { ...common, port: target.port, targetPid: target.pid };
  const child = forkTracked(`load generator (${target.name})`, path.join(BENCH_DIR, 'load.mjs'), [JSON.stringify(options)]);
  const { result } = await waitForMessage(child, (config.warmupSeconds + config.seconds + 60) * 1000);
  await waitForExit(child);
  return result;
}

async function main() {
  await ensureBuilt(config);
  const startedAt = new Date().toISOString();
  const machine = machineConditions();

  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudnexus-bench-'));
  const apiKey = await createAccount(dataDir);
  const server = await startServer(dataDir);
  const headers = { authorization: `Bearer ${apiKey}` };
  const ca = await fs.readFile(server.certFile);

  // The baseline serves exactly what the server answered, so both put the same bytes on the wire.
  const real = await fetchOnce({ port: server.port, path: REQUEST_PATH, headers, ca });
  if (real.status !== 200) throw new Error(`GET ${REQUEST_PATH} on the real server answered ${real.status}: ${real.body}`);
  const bodyFile = path.join(dataDir, 'regions-body.json');
  await fs.writeFile(bodyFile, real.body);
  const bare = forkTracked('bare server', path.join(BENCH_DIR, 'bare-server.mjs'), [
    JSON.stringify({ certFile: server.certFile, keyFile: server.keyFile, bodyFile }),
  ]);
  const { port: barePort } = await waitForMessage(bare, 30_000);
  const copy = await fetchOnce({ port: barePort, path: REQUEST_PATH, headers, ca });
  if (copy.status !== 200 || copy.body !== real.body) {
    throw new Error(`the bare server's answer (${copy.status}, ${copy.body.length} chars) differs from the real server's`);
  }

  const targets = {
    bare: { name: 'bare', port: barePort, pid: bare.pid },
    server: { name: 'server', port: server.port, pid: server.child.pid },
  };
  const common = {
    path: REQUEST_PATH,
    headers,
    certFile: server.certFile,
    concurrency: config.concurrency,
    warmupSeconds: config.warmupSeconds,
    seconds: config.seconds,
    expectedBytes: Buffer.byteLength(real.body),
  };
  console.log(`Response: ${common.expectedBytes} bytes. Real server on :${server.port}, bare Fastify on :${barePort}.`);

  // Alternating bare, server, bare, server spreads any drift in machine load over both.
  const runs = [];
  for (let round = 1; round <= config.rounds; round++) {
    for (const name of TARGETS) {
      process.stdout.write(`round ${round}/${config.rounds}  ${name.padEnd(6)}  `);
      const result = await measure(targets[name], common);
      console.log(`${result.rps.toFixed(0)} req/s`);
      runs.push({ target: name, round, ...result });
    }
  }

  const summarize = (name) => {
    const mine = runs.filter((run) => run.target === name);
    const of = (key) => (mine.some((run) => run[key] === null) ? null : median(mine.map((run) => run[key])));
    return Object.fromEntries(METRICS.map((key) => [key, of(key)]));
  };
  const summary = { bare: summarize('bare'), server: summarize('server') };
  summary.ratio = summary.server.rps / summary.bare.rps;
  summary.cpuCostRatio =
    summary.server.targetCpuUsPerRequest === null ? null : summary.server.targetCpuUsPerRequest / summary.bare.targetCpuUsPerRequest;

  const report = {
    benchmark: 'regions',
    startedAt,
    request: `GET ${REQUEST_PATH}`,
    responseBytes: common.expectedBytes,
    config,
    machine: { ...machine, loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100) },
    runs,
    summary,
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
