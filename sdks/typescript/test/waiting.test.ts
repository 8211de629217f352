import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionFailedError, APITimeoutError, CloudNexus } from '../src/index.js';
import { startFakeServer } from './helpers/fake-server.js';

const action = (status: string, error: string | null = null) => ({
  id: 'act_1',
  type: 'restart',
  status,
  resource_id: 'inst_1',
  resource_type: 'instance',
  started_at: '2025-01-15T08:30:00Z',
  completed_at: status === 'in-progress' ? null : '2025-01-15T08:30:05Z',
  error,
});

test('an errored action throws ActionFailedError carrying the action', async () => {
  const server = await startFakeServer((request, index) => {
    if (request.method === 'PUT') return { status: 202, body: { id: 'inst_1', status: 'rebooting', message: 'Restart initiated', action_id: 'act_1' } };
    return { status: 200, body: index < 3 ? action('in-progress') : action('errored', 'hypervisor unreachable') };
  });
  try {
    const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
    const error = await client.instances.restart('inst_1', { wait: true }).catch((e: unknown) => e);
    assert.ok(error instanceof ActionFailedError);
    assert.equal(error.action.status, 'errored');
    assert.equal(error.action.error, 'hypervisor unreachable');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      ['PUT /v2/instances/inst_1/restart', 'GET /v2/actions/act_1', 'GET /v2/actions/act_1', 'GET /v2/actions/act_1'],
    );
    // Polls start at 100 ms and grow by half each time.
    const gaps = server.requests.slice(1).map((r, i, polls) => (i === 0 ? 0 : r.at - polls[i - 1]!.at));
    assert.ok(gaps[1]! >= 95 && gaps[2]! >= 145, `poll gaps ${gaps.join(', ')}`);
  } finally {
    await server.close();
  }
});

test('waitFor gives up with APITimeoutError once its timeout has passed', async () => {
  const server = await startFakeServer(() => ({ status: 200, body: action('in-progress') }));
  try {
    const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
    const started = performance.now();
    await assert.rejects(client.actions.waitFor('act_1', { timeout: 300 }), APITimeoutError);
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 295 && elapsed < 1000, `gave up after ${elapsed} ms`);
    assert.ok(server.requests.length >= 3 && server.requests.length <= 5, `${server.requests.length} polls`);
  } finally {
    await server.close();
  }
});

test('without wait an operation returns the 202 body and polls nothing', async () => {
  const accepted = { id: 'inst_1', status: 'resizing', message: 'Resize initiated', action_id: 'act_9' };
  const server = await startFakeServer(() => ({ status: 202, body: accepted }));
  try {
    const client = new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL });
    assert.deepEqual(await client.instances.resize('inst_1', { plan: 'standard-2' }), accepted);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.body, '{"plan":"standard-2"}');
  } finally {
    await server.close();
  }
});
