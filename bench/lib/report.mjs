// What a run leaves behind: a table for the person at the terminal and a JSON file for comparing runs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, RESULTS_DIR } from './config.mjs';
import { CLIENT_TOLERANCE } from './ratios.mjs';

function git(args) {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** `wrk -v` prints its version line and exits 1. */
function wrkVersion(wrk) {
  const probe = spawnSync(wrk, ['-v'], { encoding: 'utf8' });
  return `${probe.stdout ?? ''}${probe.stderr ?? ''}`.split('\n')[0].trim() || null;
}

/** The conditions a number depends on; the load average is taken before and after the runs. */
export function machineConditions(wrk) {
  const cpus = os.cpus();
  return {
    loadGenerator: wrkVersion(wrk),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    // What this process may use (cgroup and affinity limits included): `nproc`.
    nproc: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    // Uncommitted server changes are part of what was measured.
    serverUncommittedFiles: git(['status', '--porcelain', '--', 'server'])?.split('\n').filter(Boolean).length ?? null,
  };
}

const fmt = (value, digits) => (value === null || !Number.isFinite(value) ? '-' : value.toFixed(digits));

// Above this much CPU (percent of one core) used by neither the target nor the load generator,
// something else was competing for the two cores and the run's numbers are suspect.
const OTHER_CPU_WARNING_PCT = 30;

function printBaselines(baselines) {
  console.log('');
  console.log(`${'target'.padEnd(14)} ${'req/s'.padStart(8)}  ${'/ node:https'.padStart(12)}  ${'/ node:http'.padStart(11)}  ${'/ fastify'.padStart(9)}  goal (over node:https)`);
  for (const row of baselines) {
    console.log(`${row.target.padEnd(14)} ${fmt(row.rps, 0).padStart(8)}  ${fmt(row.overHttps, 3).padStart(12)}  ${fmt(row.overHttp, 3).padStart(11)}  ${fmt(row.overFastify, 3).padStart(9)}  ${row.goal ?? ''}`);
  }
}

function printClientCheck({ oneProcessRps, twoProcessesRps, ratio, ok, oneProcessCpuPct }) {
  const what = `bare node:https with one wrk process ${fmt(oneProcessRps, 0)} req/s (wrk at ${fmt(oneProcessCpuPct, 0)}% of a core), with two ${fmt(twoProcessesRps, 0)} req/s: one/two ${fmt(ratio, 2)}`;
  console.log('');
  if (ok) console.log(`client check: ${what}; the load generator is not the limit`);
  else {
    console.log(`WARNING client check failed: ${what}, more than ${CLIENT_TOLERANCE * 100}% below.`);
    console.log('  Either one wrk process limits the req/s (then every ratio is compressed toward 1: wrk near 100% of a core),');
    console.log('  or, with wrk well below a core, the other work on the machine decided it: rerun on a quieter machine.');
  }
}

export function printTable({ runs, summary, baselines, clientCheck, ratios, config, machine }) {
  const header = ['target', 'round', 'req/s', 'p50 ms', 'p99 ms', 'target cpu%', 'load cpu%', 'other cpu%', 'target cpu us/req'];
  const cells = (target, round, r) => [
    target, round, fmt(r.rps, 0), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2),
    fmt(r.targetCpuPct, 0), fmt(r.loadCpuPct, 0), fmt(r.otherCpuPct, 0), fmt(r.targetCpuUsPerRequest, 0),
  ];
  const rows = [header, ...runs.map((run) => cells(run.target, String(run.round), run))];
  for (const target of Object.keys(summary)) rows.push(cells(target, 'median', summary[target]));

  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  console.log('');
  console.log(`${machine.loadGenerator}, keep-alive, ${config.concurrency} connections, ${config.seconds} s per run after ${config.warmupSeconds} s warm-up`);
  console.log(`${machine.cores} x ${machine.cpu} (nproc ${machine.nproc}), Node ${machine.node}`);
  console.log(`load average ${machine.loadAverage.join(' ')} before, ${machine.loadAverageAfter.join(' ')} after (1, 5, 15 min)`);
  console.log('');
  console.log(line(header));
  console.log(rule);
  runs.forEach((_, i) => console.log(line(rows[i + 1])));
  console.log(rule);
  rows.slice(runs.length + 1).forEach((row) => console.log(line(row)));
  printBaselines(baselines);
  printClientCheck(clientCheck);
  console.log('');
  for (const ratio of ratios) console.log(`${ratio.name.padEnd(44)} ${fmt(ratio.value, 2)}  (${ratio.meaning})`);
  for (const run of runs) {
    if (run.loadCpuPct / run.processes >= 90) {
      console.log(`note: ${run.target} round ${run.round}: each wrk process used ~${fmt(run.loadCpuPct / run.processes, 0)}% of a core, so its req/s may be a floor (client-bound)`);
    }
    if (run.requests === 0) {
      console.log(`note: ${run.target} round ${run.round}: no response completed within ${config.seconds} s (each takes longer than the window at ${config.concurrency} connections)`);
    }
    if (run.otherCpuPct !== null && run.otherCpuPct > OTHER_CPU_WARNING_PCT) {
      console.log(`warning: ${run.target} round ${run.round}: ${fmt(run.otherCpuPct, 0)}% of a core went to other work; the machine was not quiet`);
    }
  }
}

export function writeJson(report) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const file = path.join(RESULTS_DIR, `${report.benchmark}-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
