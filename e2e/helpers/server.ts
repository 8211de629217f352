// Real server processes for end-to-end tests: started from the CLI, killed for real.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const BIN = fileURLToPath(new URL('../../server/src/bin.ts', import.meta.url));

export function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export interface RunningServer {
  process: ChildProcess;
  /** `https://127.0.0.1:<port>`; request paths start with /v2. */
  origin: string;
  ca: string;
  output: () => string;
}

/** Starts `cloudnexus-server start` on a free port and resolves once it listens. */
export async function startServer(dataDir: string, extraArgs: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'start', '--data-dir', dataDir, '--port', '0', '--log-level', 'warn', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /listening on (https:\/\/\S+)\/v2/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const ca = await fs.readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8');
  return { process: child, origin, ca, output: () => output };
}

export async function kill9(server: RunningServer): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGKILL');
  await exited;
}

export async function stop(server: RunningServer): Promise<void> {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

export interface Reply {
  status: number;
  body: any;
  headers: import('node:http').IncomingHttpHeaders;
}

/** One HTTPS request, verified against the server's own certificate. */
export function request(server: RunningServer, key: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  // A Buffer is an upload (a container image archive), sent as it is; anything else is JSON.
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const contentType = Buffer.isBuffer(body) ? 'application/x-tar' : 'application/json';
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${server.origin}${url}`,
      {
        method,
        ca: server.ca,
        headers: {
          authorization: `Bearer ${key}`,
          ...(payload ? { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** `request`, failing the test on a 4xx or 5xx with the answer: the body. */
export async function requestOk(server: RunningServer, key: string, method: string, url: string, body?: unknown): Promise<any> {
  const reply = await request(server, key, method, url, body);
  assert.ok(reply.status < 400, `${method} ${url} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** GETs `url` until `done` holds for the reply, failing with the server's output after `timeoutMs`: the last body. */
export async function waitForReply(server: RunningServer, key: string, url: string, done: (reply: Reply) => boolean, what: string, timeoutMs: number): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await request(server, key, 'GET', url);
    if (done(reply)) return reply.body;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}: ${JSON.stringify(reply.body)}\n${server.output()}`);
    await sleep(100);
  }
}
