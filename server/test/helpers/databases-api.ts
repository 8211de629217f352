// Helpers for managed-database tests: create one, and let the engine bring it online.
import assert from 'node:assert/strict';
import type { TestApp } from './app.js';
import { waitFor, waitForResource } from './instances.js';

export interface DatabaseBody {
  id: string;
  name: string;
  region: string;
  engine: string;
  version: string;
  plan: string;
  node_count: number;
  status: string;
  network_id: string;
  connection: { host: string; port: number; user: string; password: string | null; database: string; uri: string };
  backups: { enabled: boolean; retention_days: number; hour: number; next_backup_at: string };
  protection: { delete: boolean };
  restored_from: string | null;
  labels: Record<string, string>;
}

let counter = 0;

export function databaseInput(overrides: Record<string, unknown> = {}) {
  return { name: `db-${++counter}`, engine: 'postgres', plan: 'db-s-1vcpu-1gb', region: 'eu-west-1', ...overrides };
}

export async function createDatabase(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<DatabaseBody> {
  const response = await t.request(key, { method: 'POST', url: '/v2/databases', payload: databaseInput(overrides) });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

/** Waits until the database has the status and no action running. */
export function waitForDatabase(t: TestApp, key: string, id: string, status = 'online'): Promise<DatabaseBody> {
  return waitForResource<DatabaseBody>(t, key, `/v2/databases/${id}`, status);
}

export async function onlineDatabase(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<DatabaseBody> {
  return waitForDatabase(t, key, (await createDatabase(t, key, overrides)).id);
}

export async function waitForDatabaseGone(t: TestApp, key: string, id: string): Promise<void> {
  await waitFor(() => t.request(key, { method: 'GET', url: `/v2/databases/${id}` }), (r) => r.statusCode === 404, `${id} to be gone`);
}
