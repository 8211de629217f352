// The system under test: the built CloudNexus server, started the way an operator would, from the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SERVER_BIN, SERVER_DIR } from './config.mjs';
import { spawnTracked, waitForExit, waitForOutput } from './children.mjs';
import { newestMtime } from '../../scripts/lib/newest-mtime.mjs';

/** Builds server/dist when it is missing (or when asked); warns when it looks older than server/src. */
export async function ensureBuilt({ rebuild }) {
  if (rebuild || !fs.existsSync(SERVER_BIN)) {
    console.log(`Building the server (npm run build -w server)...`);
    const build = spawnTracked('npm run build -w server', 'npm', ['run', 'build', '-w', 'server'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await waitForExit(build);
    if (code !== 0 || !fs.existsSync(SERVER_BIN)) throw new Error(`npm run build -w server failed (exit code ${code})`);
    return;
  }
  // A stale build silently benchmarks old code; say so rather than rebuild behind the user's back.
  // The incremental build rewrites only the outputs that changed (bin.js rarely), but its build
  // info on every build that compiled anything: that file's time is when dist last caught up.
  const buildInfo = path.join(SERVER_DIR, 'dist', '.tsbuildinfo');
  const builtAt = fs.statSync(fs.existsSync(buildInfo) ? buildInfo : SERVER_BIN).mtimeMs;
  if (newestMtime(path.join(SERVER_DIR, 'src')) > builtAt) {
    console.warn('warning: server/src has changes newer than server/dist; set BENCH_REBUILD=1 to rebuild first');
  }
}

/** Runs a one-shot CLI command against the data dir and returns its --json output. */
async function cli(args) {
  const child = spawnTracked(`cloudnexus-server ${args.slice(0, 2).join(' ')}`, process.execPath, [SERVER_BIN, ...args]);
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await waitForExit(child);
  if (code !== 0) throw new Error(`cloudnexus-server ${args.join(' ')} failed (exit code ${code}):\n${child.outputTail}`);
  return JSON.parse(stdout);
}

/**
 * An enterprise account whose custom limit (the maximum, a million a minute) the benchmark cannot
 * reach, so a 429 never shortens a run. Created before the server starts, in the same data dir
 * (`flags`: --database-url for PostgreSQL).
 */
export async function createAccount(dataDir, name = 'bench', flags = []) {
  const out = await cli(['accounts', 'create', '--name', name, '--tier', 'enterprise', '--rate-limit', '1000000', '--json', '--data-dir', dataDir, ...flags]);
  if (typeof out.api_key !== 'string') throw new Error(`accounts create printed no api_key: ${JSON.stringify(out)}`);
  return { apiKey: out.api_key, accountId: out.account.id };
}

/**
 * Starts the server on a port the OS picks (no race for a "free" port) and waits until it listens.
 * `flags` adds configuration flags (--sim-delay-ms, --cursor-secret).
 */
export async function startServer(dataDir, flags = []) {
  const child = spawnTracked('cloudnexus-server start', process.execPath, [
    SERVER_BIN, 'start', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0', '--log-level', 'warn', ...flags,
  ]);
  const [, port] = await waitForOutput(child, /CloudNexus API listening on https:\/\/127\.0\.0\.1:(\d+)\//, 60_000);
  return {
    child,
    port: Number(port),
    certFile: path.join(dataDir, 'tls', 'cert.pem'),
    keyFile: path.join(dataDir, 'tls', 'key.pem'),
  };
}
