// The load generator, in a process of its own (forked by run.mjs) so it never shares a core's
// event loop with the server it measures. Closed loop: `concurrency` loops, each sending the next
// request on its own keep-alive HTTPS connection as soon as the previous response has been read.
//
// argv[2] is JSON: { port, tls, workload, expectStatus, certFile, concurrency, warmupSeconds,
// seconds, expectedBytes, targetPid }. `workload` is a spec for lib/workloads.mjs; `tls` false means
// plain HTTP (moto has no TLS); `expectedBytes` null skips the size check (creates differ in size).
// Sends one IPC message, { result } or { error }, then exits.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { machineBusyCpuSeconds, processCpuSeconds } from './lib/cpu.mjs';
import { percentile } from './lib/stats.mjs';
import { workload } from './lib/workloads.mjs';

const options = JSON.parse(process.argv[2]);
const { port, concurrency, warmupSeconds, seconds, expectedBytes, expectStatus, targetPid } = options;
const next = workload(options.workload);
const client = options.tls ? https : http;

// Verifying against the server's own self-signed certificate costs the same as not verifying,
// and proves we are talking to the process we think we are.
const agent = options.tls
  ? new https.Agent({ keepAlive: true, maxSockets: concurrency, ca: fs.readFileSync(options.certFile) })
  : new http.Agent({ keepAlive: true, maxSockets: concurrency });

let phase = 'warmup'; // then 'measure', then 'stop'
let completed = 0;
const latenciesMs = [];

function request(loopIndex) {
  const { method, path, headers, body } = next(loopIndex);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = client.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let bytes = 0;
      let text = '';
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (res.statusCode !== expectStatus && text.length < 500) text += chunk;
      });
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== expectStatus) return reject(new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 500)}`));
        // A different size means a different answer (an error page, a changed catalog): not comparable.
        if (expectedBytes !== null && bytes !== expectedBytes) {
          return reject(new Error(`${method} ${path} returned ${bytes} bytes, expected ${expectedBytes}`));
        }
        // Only responses that complete inside the measured window count.
        if (phase === 'measure') {
          completed++;
          latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function loop(_, index) {
  while (phase !== 'stop') await request(index);
}

function fail(error) {
  phase = 'stop';
  process.send({ error: error.stack ?? String(error) }, () => process.exit(1));
}

// Exit with the parent: if run.mjs dies without cleaning up, this must not keep loading the machine.
process.on('disconnect', () => process.exit(1));

// Hard stop: a hung server must not hang the benchmark.
setTimeout(() => fail(new Error('load generator did not finish in time')), (warmupSeconds + seconds + 30) * 1000).unref();

const loops = Promise.all(Array.from({ length: concurrency }, loop));
loops.catch(fail);

await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
phase = 'measure';
const startedAt = process.hrtime.bigint();
const ownCpuAtStart = process.cpuUsage();
const targetCpuAtStart = processCpuSeconds(targetPid);
const machineCpuAtStart = machineBusyCpuSeconds();

await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
phase = 'stop';
const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e9;
const ownCpu = process.cpuUsage(ownCpuAtStart);
const targetCpuAtEnd = processCpuSeconds(targetPid);
const machineCpuAtEnd = machineBusyCpuSeconds();

try {
  await loops; // let in-flight requests finish (they no longer count) so nothing is cut mid-response
} catch {
  process.exitCode = 1; // fail() has already reported it
}
if (process.exitCode !== 1) {
  latenciesMs.sort((a, b) => a - b);
  const loadCpu = (ownCpu.user + ownCpu.system) / 1e6;
  const targetCpu = targetCpuAtStart === null || targetCpuAtEnd === null ? null : targetCpuAtEnd - targetCpuAtStart;
  const machineCpu = machineCpuAtStart === null || machineCpuAtEnd === null ? null : machineCpuAtEnd - machineCpuAtStart;
  const result = {
    requests: completed,
    seconds: elapsed,
    rps: completed / elapsed,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    maxMs: latenciesMs.at(-1) ?? NaN,
    // Percent of one core over the measured window; near 100 means that process was the bottleneck.
    loadCpuPct: (loadCpu / elapsed) * 100,
    targetCpuPct: targetCpu === null ? null : (targetCpu / elapsed) * 100,
    // Everything else the machine did meanwhile (kernel networking, other programs), same unit.
    otherCpuPct: targetCpu === null || machineCpu === null ? null : (Math.max(0, machineCpu - targetCpu - loadCpu) / elapsed) * 100,
    // The target's CPU time per answered request: the cost, even when the load generator is the
    // bottleneck and req/s understates what the target could do.
    targetCpuUsPerRequest: targetCpu === null || completed === 0 ? null : (targetCpu / completed) * 1e6,
  };
  agent.destroy();
  process.send({ result }, () => process.exit(0));
}
