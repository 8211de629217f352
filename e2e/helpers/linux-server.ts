// A linux-driver server for the end-to-end suites: a fresh data dir with an enterprise account,
// and the server on it, started again with the same flags after a kill -9.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { cli, startServer, type RunningServer } from './server.js';

const LINUX_SERVER_ARGS = ['--driver', 'linux', '--worker-poll-ms', '50', '--log-level', 'warn'];

/** A new data dir (named from `prefix`) holding one enterprise account: the dir and its key. */
export async function linuxAccount(prefix: string): Promise<{ dataDir: string; key: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const created = await cli(['accounts', 'create', '--name', 'linux', '--tier', 'enterprise', '--rate-limit', '100000', '--json', '--data-dir', dataDir]);
  assert.equal(created.code, 0, created.stderr);
  return { dataDir, key: JSON.parse(created.stdout).api_key as string };
}

/** `extraArgs` are more server flags (e.g. `--public-ip-pool`); pass the same ones after a kill -9. */
export function startLinuxServer(dataDir: string, extraArgs: string[] = []): Promise<RunningServer> {
  return startServer(dataDir, [...LINUX_SERVER_ARGS, ...extraArgs]);
}
