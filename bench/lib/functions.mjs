// The `invoke` target's function: a trivial Node handler on the real server, deployed and waited
// for, so the run measures warm invocations (one warm worker per connection after the warm-up).
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchOnce } from './fetch-once.mjs';

const HANDLER = 'exports.handler = async (event) => ({ ok: true, n: event.n });';

/** Deploys the function and answers the path to POST invocations to. */
async function deployTrivialFunction({ port, headers, ca }) {
  const json = { ...headers, 'content-type': 'application/json' };
  const runtimes = await fetchOnce({ port, path: '/v2/function_runtimes', headers, ca });
  const runtime = JSON.parse(runtimes.body).data.find((r) => r.language === 'nodejs')?.id;
  if (!runtime) throw new Error(`no Node runtime on the server: ${runtimes.body}`);
  const body = JSON.stringify({ name: 'bench-hello', region: 'us-east-1', runtime, handler: 'index.handler', files: { 'index.js': HANDLER }, memory_mb: 128, max_concurrency: 100 });
  const created = await fetchOnce({ port, path: '/v2/functions', method: 'POST', headers: json, ca, body });
  if (created.status !== 201) throw new Error(`POST /v2/functions answered ${created.status}: ${created.body}`);
  const { id } = JSON.parse(created.body);
  for (let attempt = 0; attempt < 200; attempt++) {
    const fn = JSON.parse((await fetchOnce({ port, path: `/v2/functions/${id}`, headers, ca })).body);
    if (fn.status === 'active') return `/v2/functions/${id}/invoke`;
    if (fn.status === 'errored') throw new Error(`the bench function did not deploy: ${fn.error}`);
    await sleep(50);
  }
  throw new Error('the bench function did not become active in 10 s');
}

const EVENT = '{"n":1}';

/**
 * The `invoke` target's workload: the function deployed and invoked once (which also checks it
 * answers), and the fewest bytes an answer may have (its duration fields vary in length).
 */
export async function warmInvokeTarget({ port, headers, ca }) {
  const path = await deployTrivialFunction({ port, headers, ca });
  const json = { ...headers, 'content-type': 'application/json' };
  const answer = await fetchOnce({ port, path, method: 'POST', headers: json, ca, body: EVENT });
  if (answer.status !== 200 || JSON.parse(answer.body).status !== 'success') throw new Error(`POST ${path} answered ${answer.status}: ${answer.body}`);
  return { workload: { kind: 'static', method: 'POST', path, headers: json, body: EVENT }, minBytes: Buffer.byteLength(answer.body) - 30 };
}
