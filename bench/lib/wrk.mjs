// The load generator: wrk (https://github.com/wg/wrk, Debian package `wrk`), a C client that keeps
// up with a bare node:https server where a Node client saturates first (issue 25). One wrk process
// is one thread (`-t1`) holding its share of the connections; lib/measure.mjs runs one or more.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { spawnTracked, waitForExit } from './children.mjs';

const RESULT_PREFIX = 'BENCH_RESULT ';
// No response of a bounded run may be cut short by wrk's own timeout (2 s by default: moto's
// answers take longer under 50 connections); a hung target is caught by the run's own deadline.
const TIMEOUT_SECONDS = 60;

function runs(command) {
  const probe = spawnSync(command, ['-v'], { stdio: 'ignore' });
  return probe.error?.code !== 'ENOENT';
}

/**
 * The wrk binary to run: `BENCH_WRK` if set, else `wrk` from PATH, installed with apt-get when it is
 * missing and we are root on a Debian-like system. Otherwise throws saying how to install it.
 */
export function ensureWrk() {
  const command = process.env.BENCH_WRK || 'wrk';
  if (runs(command)) return command;
  if (process.env.BENCH_WRK) throw new Error(`BENCH_WRK=${command} cannot be run`);
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('Installing wrk (apt-get install -y wrk)...');
    const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'wrk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    // A fresh container may have no package lists yet.
    if (install().status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
      install();
    }
    if (runs(command)) return command;
  }
  throw new Error(
    'the load generator wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu), ' +
      '`brew install wrk` (macOS) or from https://github.com/wg/wrk, or point BENCH_WRK at a wrk binary.',
  );
}

/** The numbers of one wrk process from its output: the JSON line the generated done() prints. */
export function parseWrkOutput(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new Error(`wrk printed no ${RESULT_PREFIX.trim()} line; its output:\n${stdout.slice(-2000)}`);
  const raw = JSON.parse(line.slice(RESULT_PREFIX.length));
  const seconds = raw.durationUs / 1e6;
  return {
    requests: raw.requests,
    seconds,
    rps: raw.requests / seconds,
    bytesPerResponse: raw.requests === 0 ? null : raw.bytes / raw.requests,
    p50Ms: raw.latencyUs.p50 / 1000,
    p90Ms: raw.latencyUs.p90 / 1000,
    p99Ms: raw.latencyUs.p99 / 1000,
    maxMs: raw.latencyUs.max / 1000,
    errors: raw.errors,
    unexpected: raw.unexpected,
    firstUnexpected: raw.firstUnexpected,
  };
}

/**
 * Why a run cannot be counted, or null: any socket error, any answer of status 400 or more (wrk's
 * own count) or, where the script checks it, any status other than the expected one.
 */
export function wrkFailure(result) {
  const { connect, read, write, status, timeout } = result.errors;
  const problems = [];
  if (status > 0) problems.push(`${status} of ${result.requests} responses had a status of 400 or more`);
  if (result.unexpected > 0) problems.push(`${result.unexpected} responses had an unexpected status (the first: ${result.firstUnexpected})`);
  if (connect + read + write > 0) problems.push(`socket errors: connect ${connect}, read ${read}, write ${write}`);
  if (timeout > 0) problems.push(`${timeout} responses took over ${TIMEOUT_SECONDS} s`);
  return problems.length === 0 ? null : problems.join('; ');
}

/** Runs one wrk process against 127.0.0.1 and resolves with its parsed numbers (failures included). */
export async function runWrk({ command, name, url, scriptFile, connections, seconds }) {
  if (!/^https?:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`wrk targets loopback only, not ${url}`);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, `--timeout`, `${TIMEOUT_SECONDS}s`, '-s', scriptFile, url];
  const child = spawnTracked(`wrk (${name})`, command, args);
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  // wrk stops itself after `seconds`; this only guards against it hanging.
  const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
  const code = await waitForExit(child);
  clearTimeout(guard);
  if (code !== 0) throw new Error(`wrk (${name}) exited with code ${code}:\n${child.outputTail}`);
  return parseWrkOutput(stdout);
}
