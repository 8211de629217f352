// One measured run of one target: a warm-up wrk run (new connections, the target's JIT), then the
// measured one, with the CPU the target, the load generator and the rest of the machine used over it.
// A target with `processes: 2` is driven by two concurrent wrk processes splitting the connections:
// the check that one process is not what limits the req/s.
import fs from 'node:fs/promises';
import path from 'node:path';
import { machineBusyCpuSeconds, processCpuSeconds, reapedChildrenCpuSeconds } from './cpu.mjs';
import { runWrk, wrkFailure } from './wrk.mjs';
import { wrkScript } from './wrk-script.mjs';

let processCount = 0;

// After a wrk process exits, the target may still be working off requests that were in flight
// (moto takes seconds per request under 50 connections): the next window must not pay for them.
const IDLE_POLL_MS = 200;
const IDLE_CPU_SHARE = 0.1;
const IDLE_WAIT_MAX_MS = 30_000;

/** Resolves once `pid` uses under a tenth of a core over a poll interval (or after 30 s). */
export async function waitForIdle(pid) {
  const deadline = Date.now() + IDLE_WAIT_MAX_MS;
  let before = processCpuSeconds(pid);
  while (before !== null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    const now = processCpuSeconds(pid);
    if (now === null || now - before < (IDLE_POLL_MS / 1000) * IDLE_CPU_SHARE) return;
    before = now;
  }
}

/** `total` connections split over `parts` processes, as evenly as whole numbers allow. */
export function splitConnections(total, parts) {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** The processes of one run added up: req/s add, latency is the worst process's. */
export function combine(results) {
  const sum = (key) => results.reduce((total, r) => total + r[key], 0);
  const worst = (key) => Math.max(...results.map((r) => r[key]));
  const requests = sum('requests');
  return {
    requests,
    seconds: worst('seconds'),
    rps: sum('rps'),
    bytesPerResponse: requests === 0 ? null : results.reduce((total, r) => total + (r.bytesPerResponse ?? 0) * r.requests, 0) / requests,
    p50Ms: worst('p50Ms'),
    p99Ms: worst('p99Ms'),
    maxMs: worst('maxMs'),
  };
}

async function runProcesses({ target, config, wrk, workDir }, seconds) {
  const scheme = target.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${target.port}/`;
  // A target of `parts` (the mixed one) runs one wrk process per part, each with its own requests;
  // a target may ask for fewer connections than the run's (a warm function invocation is measured at a few).
  const parts = target.parts ?? splitConnections(target.connections ?? config.concurrency, target.processes ?? 1).map((connections) => ({ connections, workload: target.workload }));
  const results = await Promise.all(
    parts.map(async ({ connections: count, workload }) => {
      // A script per process: creates name themselves after it, so two never collide.
      const runId = `b${process.pid}x${++processCount}`;
      const scriptFile = path.join(workDir, `${target.name}-${runId}.lua`);
      await fs.writeFile(scriptFile, wrkScript({ workload, checkStatus: target.checkStatus ?? null, runId }));
      const result = await runWrk({ command: wrk, name: target.name, url, scriptFile, connections: count, seconds });
      const failure = wrkFailure(result);
      if (failure) throw new Error(`${target.name}: ${failure}${target.onFailure ? `. ${target.onFailure}` : ''}`);
      return result;
    }),
  );
  const combined = combine(results);
  // Headers come on top of the body, so a smaller average means some answers were not the page
  // checked before the run (an error, an empty page): not comparable.
  if (target.minBytes && combined.bytesPerResponse < target.minBytes) {
    throw new Error(`${target.name}: ${combined.bytesPerResponse.toFixed(0)} bytes per response on average, less than the ${target.minBytes}-byte body it answered before the run`);
  }
  // Each part's own numbers: the mixed target reports reads and writes apart.
  if (target.parts) combined.parts = Object.fromEntries(target.parts.map((part, i) => [part.role, { rps: results[i].rps, p50Ms: results[i].p50Ms, p99Ms: results[i].p99Ms }]));
  return combined;
}

/**
 * Measures `target` ({ name, port, pid, tls, workload, processes, checkStatus, onFailure, warmup,
 * minBytes }) once.
 * CPU is in percent of one core over the measured window, from /proc.
 */
export async function measure({ target, config, wrk, workDir }) {
  const context = { target, config, wrk, workDir };
  if (config.warmupSeconds > 0 && target.warmup !== false) await runProcesses(context, config.warmupSeconds);
  await waitForIdle(target.pid);

  const startedAt = process.hrtime.bigint();
  const targetAtStart = processCpuSeconds(target.pid);
  const loadAtStart = reapedChildrenCpuSeconds();
  const machineAtStart = machineBusyCpuSeconds();
  const result = await runProcesses(context, config.seconds);
  const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const delta = (end, start) => (end === null || start === null ? null : end - start);
  const targetCpu = delta(processCpuSeconds(target.pid), targetAtStart);
  const loadCpu = delta(reapedChildrenCpuSeconds(), loadAtStart);
  const machineCpu = delta(machineBusyCpuSeconds(), machineAtStart);
  const pct = (cpu) => (cpu === null ? null : (cpu / elapsed) * 100);
  // Leave the target as quiet as it was found for the next target's window.
  await waitForIdle(target.pid);
  return {
    ...result,
    processes: target.parts?.length ?? target.processes ?? 1,
    targetCpuPct: pct(targetCpu),
    // All wrk processes together; one at ~100% means that client thread was the bottleneck.
    loadCpuPct: pct(loadCpu),
    // Everything else the machine did meanwhile (kernel networking, other programs), same unit.
    otherCpuPct: targetCpu === null || loadCpu === null || machineCpu === null ? null : pct(Math.max(0, machineCpu - targetCpu - loadCpu)),
    // The target's CPU time per answered request: the cost, even on a busy machine.
    targetCpuUsPerRequest: targetCpu === null || result.requests === 0 ? null : (targetCpu / result.requests) * 1e6,
  };
}
