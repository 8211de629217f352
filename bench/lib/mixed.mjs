// The `mixed` target (issue 23): many accounts polling their instance lists with several filters
// while a few connections create, restart and delete instances in the same accounts, as a live
// cloud does. Reads and writes run as two wrk processes (lib/measure.mjs `parts`), so each has its
// own req/s and latency; the response cache's hit rate comes from the server's /metrics.
import { fetchOnce } from './fetch-once.mjs';

/** The lists the reads rotate through, for every account: cache keys differ by account and filter. */
export const MIXED_PATHS = [
  '/v2/instances?limit=20',
  '/v2/instances?limit=20&status=running',
  '/v2/instances?limit=20&region=us-east-1',
  '/v2/instances?limit=20&label_selector=env%3Dprod',
];
export const MIXED_WRITE_CONNECTIONS = 2;
/** Running instances made per account before the run, for the restarts to take turns on. */
const RESTARTABLE_PER_ACCOUNT = 4;
/**
 * Running instances made before the run for the deletes (a fresh create may still be provisioning,
 * and deleting it would be refused as busy): enough for every wrk process of the default run.
 */
const DELETABLE = 1200;
const DELETES_PER_PROCESS = 250;
const FIELDS = { region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04' };
const RUNNING_WAIT_MS = 60_000;

/**
 * Makes the instances of every account, the restartable ones and its share of the deletable ones,
 * and waits until they are all running.
 */
async function setUpInstances({ port, ca }, keys) {
  const restartable = [];
  const deletable = [];
  const perAccount = RESTARTABLE_PER_ACCOUNT + Math.ceil(DELETABLE / keys.length);
  for (const [k, key] of keys.entries()) {
    const headers = { authorization: `Bearer ${key}` };
    const mine = [];
    for (let i = 0; i < perAccount; i++) {
      const body = { ...FIELDS, name: `mixed-${k}-${i}`, labels: { env: i % 2 === 0 ? 'prod' : 'dev' } };
      const made = await fetchOnce({ port, ca, method: 'POST', path: '/v2/instances', headers, body });
      if (made.status !== 201) throw new Error(`mixed: creating an instance answered ${made.status}: ${made.body.slice(0, 300)}`);
      const { id } = JSON.parse(made.body);
      if (i < RESTARTABLE_PER_ACCOUNT) mine.push(id);
      else deletable.push([k, id]);
    }
    restartable.push(mine);
  }
  // Interleaved over the accounts, so each process's share spreads over all of them.
  deletable.sort((a, b) => a[1].localeCompare(b[1]));
  const deadline = Date.now() + RUNNING_WAIT_MS;
  for (const key of keys) {
    for (;;) {
      const page = await fetchOnce({ port, ca, path: '/v2/instances?limit=100&status=running', headers: { authorization: `Bearer ${key}`, 'cache-control': 'no-cache' } });
      if (JSON.parse(page.body).data.length >= Math.min(perAccount, 100)) break;
      if (Date.now() > deadline) throw new Error('mixed: the set-up instances did not all reach running in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { restartable, deletable };
}

/** The mixed target over `keys` (one per account) on the real server at `port`. */
export async function mixedTarget({ port, pid, ca, concurrency }, keys) {
  const { restartable, deletable } = await setUpInstances({ port, ca }, keys);
  return {
    name: 'mixed',
    port,
    pid,
    tls: true,
    parts: [
      { role: 'read', connections: concurrency - MIXED_WRITE_CONNECTIONS, workload: { kind: 'rotate', keys, paths: MIXED_PATHS } },
      { role: 'write', connections: MIXED_WRITE_CONNECTIONS, workload: { kind: 'writes', keys, restartable, deletable, perProcess: DELETES_PER_PROCESS, fields: FIELDS } },
    ],
    onFailure: 'A 409 is a restart or delete of a busy instance, a 422 the instance quota',
    counters: () => cacheCounters({ port, ca }),
  };
}

/** The response cache's hit and miss counts so far, from the server's /metrics. */
async function cacheCounters({ port, ca }) {
  const text = (await fetchOnce({ port, ca, path: '/metrics' })).body;
  const count = (name) => Number(new RegExp(`^cloudnexus_response_cache_${name}_total (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { hits: count('hits'), misses: count('misses') };
}
