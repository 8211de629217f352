// `npm start`: on a fresh clone, installs dependencies and builds the server and the dashboard
// (with the playground) when they are missing or stale, starts building the downloads, then runs `cloudnexus-server start` with any extra arguments (`npm start -- --port 9443`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './lib/newest-mtime.mjs';
import { staleParts } from './lib/ensure-dist.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.error('[start] installing dependencies (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

const bin = path.join(root, 'server', 'dist', 'bin.js');
const built = fs.existsSync(bin) ? fs.statSync(bin).mtimeMs : 0;
if (built < newestMtime(path.join(root, 'server', 'src'))) {
  console.error('[start] building the server…');
  run(npm, ['run', 'build', '-w', 'server']);
  // tsc leaves unchanged outputs untouched; mark the build as current.
  const now = new Date();
  fs.utimesSync(bin, now, now);
}

// The dashboard and playground the server serves from dashboard/dist.
const dashboard = path.join(root, 'dashboard');
const page = path.join(dashboard, 'dist', 'dashboard', 'index.html');
const pageBuilt = fs.existsSync(page) ? fs.statSync(page).mtimeMs : 0;
if (pageBuilt < Math.max(newestMtime(path.join(dashboard, 'src')), newestMtime(path.join(dashboard, 'static')))) {
  console.error('[start] building the dashboard…');
  run(npm, ['run', 'build', '-w', 'dashboard']);
}

// The artifacts the server hosts (/install.sh, /downloads/) build in the background: about a minute
// on a fresh clone (Python venv, cargo), too long to hold the API back. Until the CLI's tarball is
// there /install.sh answers 503 `unavailable`.
const stale = staleParts(['npm', 'python', 'rust']);
if (stale.length > 0) {
  console.error(`[start] building the downloads in the background (${stale.join(', ')})…`);
  const builder = spawn(process.execPath, [path.join(root, 'scripts', 'dist.mjs'), '--only', stale.join(',')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  builder.on('exit', (code) => console.error(code === 0 ? '[start] downloads built' : `[start] building the downloads failed (exit ${code}); run \`npm run dist\` to see why`));
}

const server = spawn(process.execPath, [bin, 'start', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
