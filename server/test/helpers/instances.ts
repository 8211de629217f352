// Helpers for instance tests: create one, and wait for the engine to move it along.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestApp } from './app.js';

export interface InstanceBody {
  id: string;
  name: string;
  region: string;
  status: string;
  cpu: number;
  memory_gb: number;
  ipv4: string | null;
  network_id: string | null;
  plan: string;
  image: string;
  labels: Record<string, string>;
  ssh_keys: string[];
  volume_ids: string[];
  protection: { delete: boolean; rebuild: boolean };
  created_at: string;
  updated_at: string;
}

let counter = 0;

export function instanceInput(overrides: Record<string, unknown> = {}) {
  return { name: `web-${++counter}`, region: 'us-east-1', plan: 'micro', image: 'ubuntu-24-04', ...overrides };
}

export async function createInstance(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<InstanceBody> {
  const response = await t.request(key, { method: 'POST', url: '/v2/instances', payload: instanceInput(overrides) });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

/** Polls `read` until `done` holds, failing after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await sleep(20);
    last = await read();
  }
  return last;
}

export function getInstance(t: TestApp, key: string, id: string) {
  return t.request(key, { method: 'GET', url: `/v2/instances/${id}` });
}

/** Waits until the instance has the status and no action running. */
export function waitForStatus(t: TestApp, key: string, id: string, status: string): Promise<InstanceBody> {
  return waitForResource<InstanceBody>(t, key, `/v2/instances/${id}`, status);
}

/** Waits until the resource at `url` has the status and no action running. */
export async function waitForResource<T extends { id: string; status: string }>(t: TestApp, key: string, url: string, status: string): Promise<T> {
  const seen = await waitFor(
    async () => {
      const resource = (await t.request(key, { method: 'GET', url })).json() as T;
      const actions = await t.request(key, { method: 'GET', url: `/v2/actions?resource_id=${resource.id}&status=in-progress` });
      return { resource, busy: (actions.json() as { data: unknown[] }).data.length > 0 };
    },
    (s) => s.resource.status === status && !s.busy,
    `${url} to be ${status}`,
  );
  return seen.resource;
}

export async function waitForGone(t: TestApp, key: string, id: string): Promise<void> {
  await waitFor(() => getInstance(t, key, id), (r) => r.statusCode === 404, `${id} to be gone`);
}

export async function waitForAction(t: TestApp, key: string, actionId: string, status: 'completed' | 'errored') {
  const response = await waitFor(
    () => t.request(key, { method: 'GET', url: `/v2/actions/${actionId}` }),
    (r) => r.json().status !== 'in-progress',
    `action ${actionId}`,
  );
  assert.equal(response.json().status, status, response.body);
  return response.json() as { id: string; type: string; status: string; error: string | null; completed_at: string | null };
}
