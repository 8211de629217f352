// The benchmark's knobs, read once from the environment so every module sees the same validated values.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = path.dirname(BENCH_DIR);
export const SERVER_DIR = path.join(REPO_ROOT, 'server');
export const SERVER_BIN = path.join(SERVER_DIR, 'dist', 'bin.js');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

// The list every CloudNexus-shaped target answers; the bare Fastify route ignores the query string,
// which is kept so both see byte-identical requests.
export const LIST_PATH = '/v2/instances?limit=20';

function number(name, fallback, { integer = false, zero = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero) || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'an integer' : 'a number';
    throw new Error(`${name} must be ${kind} ${zero ? 'of 0 or more' : 'above 0'}, got "${raw}"`);
  }
  return value;
}

export function loadConfig() {
  return Object.freeze({
    rounds: number('BENCH_ROUNDS', 2, { integer: true }),
    seconds: number('BENCH_SECONDS', 10),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 2, { zero: true }),
    concurrency: number('BENCH_CONCURRENCY', 50, { integer: true }),
    // Rows seeded for the page-depth scenario (the list account's instances).
    depth: number('BENCH_DEPTH', 1_000_000, { integer: true }),
    // Accounts the create scenario spreads over: each holds at most 500 instances (enterprise quota).
    createAccounts: number('BENCH_CREATE_ACCOUNTS', 48, { integer: true }),
    // Accounts the mixed target's reads and writes spread over (the create accounts first).
    mixedAccounts: number('BENCH_MIXED_ACCOUNTS', 50, { integer: true }),
    // Rebuild server/dist even if it exists (it is otherwise built only when missing).
    rebuild: process.env.BENCH_REBUILD === '1',
    // Targets to run (comma-separated names), beside the floors every ratio needs; unset runs all.
    only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((name) => name.trim()).filter(Boolean) : null,
  });
}
