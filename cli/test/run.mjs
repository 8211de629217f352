// Runs the CLI suite against ONE throwaway API server (scripts/test-server.mjs) shared by every
// test file: node:test runs each file in its own process, so the server is started here and its
// address handed down in CLOUDNEXUS_TEST_SERVER.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const cliDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const testServer = path.join(cliDir, '..', 'scripts', 'test-server.mjs');

const server = spawn(process.execPath, [testServer], { stdio: ['pipe', 'pipe', 'inherit'] });
const ready = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`test server exited (${code}) before it was ready`)));
  readline.createInterface({ input: server.stdout }).once('line', resolve);
});

const files = fs.readdirSync(path.join(cliDir, 'test')).filter((name) => name.endsWith('.test.ts')).map((name) => path.join('test', name));
const tests = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: cliDir,
  stdio: 'inherit',
  env: { ...process.env, CLOUDNEXUS_TEST_SERVER: ready },
});
const code = await new Promise((resolve) => tests.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
// Closing its stdin stops the server and deletes its data.
server.stdin.end();
await new Promise((resolve) => server.once('exit', resolve));
process.exit(code);
