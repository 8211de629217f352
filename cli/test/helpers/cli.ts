import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliDir = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const bin = path.join(cliDir, 'dist', 'bin.js');

export interface TestServer {
  base_url: string;
  api_key: string;
  ca_file: string;
  account_id: string;
}

/** The server test/run.mjs started for this run. */
export function testServer(): TestServer {
  const json = process.env.CLOUDNEXUS_TEST_SERVER;
  if (!json) throw new Error('CLOUDNEXUS_TEST_SERVER is not set: run the suite with `npm test` (test/run.mjs starts the server)');
  return JSON.parse(json) as TestServer;
}

/** The environment that points the CLI at the test server without any stored login. */
export function apiEnv(server = testServer()): Record<string, string> {
  return { CLOUDNEXUS_API_KEY: server.api_key, CLOUDNEXUS_BASE_URL: server.base_url, CLOUDNEXUS_CA_CERT: server.ca_file };
}

const configHomes: string[] = [];
process.once('exit', () => configHomes.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A fresh, empty XDG_CONFIG_HOME, so no test reads or writes the real ~/.config; removed at exit. */
export function tempConfigHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-cli-config-'));
  configHomes.push(dir);
  return dir;
}

let emptyConfigHome: string | undefined;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the BUILT binary, as users do, with only the variables given (plus PATH and HOME): the
 * CLOUDNEXUS_* variables of the parent never leak in.
 */
export function cli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  const env = { PATH: process.env.PATH ?? '', HOME: os.homedir(), XDG_CONFIG_HOME: (emptyConfigHome ??= tempConfigHome()), ...options.env };
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command that must succeed with `-o json` and parses what it printed. */
export async function cliJson<T = any>(args: string[], env: Record<string, string> = apiEnv()): Promise<T> {
  const result = await cli([...args, '-o', 'json'], { env });
  if (result.code !== 0) throw new Error(`cloudnexus ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
