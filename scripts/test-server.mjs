// Starts a throwaway CloudNexus server for SDK and CLI test suites in any language.
//   node scripts/test-server.mjs [--tier enterprise] [--rate-limit 100000]
// Prints one JSON line on stdout once the server is ready:
//   {"base_url":"https://127.0.0.1:PORT/v2","api_key":"cnx_live_…","ca_file":"/tmp/…/tls/cert.pem","account_id":"acc_…"}
// and runs until its stdin closes or it gets SIGTERM/SIGINT, then stops the server and deletes its data.
// Runs the server from source through tsx, so no build step is needed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'server', 'src', 'bin.ts');
const { values } = parseArgs({
  options: { tier: { type: 'string', default: 'enterprise' }, 'rate-limit': { type: 'string', default: '100000' }, 'sim-delay-ms': { type: 'string', default: '50' } },
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-sdk-'));
const server = (args) => [process.execPath, ['--import', 'tsx', bin, ...args, '--data-dir', dataDir], { cwd: root }];

const created = spawnSync(...server(['accounts', 'create', '--name', 'sdk-tests', '--tier', values.tier, '--rate-limit', values['rate-limit'], '--json']), { encoding: 'utf8' });
if (created.status !== 0) {
  process.stderr.write(created.stderr);
  process.exit(1);
}
const { account, api_key: apiKey } = JSON.parse(created.stdout);

const [command, args, options] = server(['start', '--port', '0', '--log-level', 'warn', '--sim-delay-ms', values['sim-delay-ms'], '--worker-poll-ms', '20']);
const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  const match = /listening on (https:\/\/\S+\/v2)/.exec(output);
  if (match && !child.announced) {
    child.announced = true;
    const ready = { base_url: match[1], api_key: apiKey, ca_file: path.join(dataDir, 'tls', 'cert.pem'), account_id: account.id };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  }
});

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  child.once('exit', () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  });
  child.kill('SIGTERM');
}
child.on('exit', (code) => {
  if (!stopping) {
    process.stderr.write(`test server exited early (${code})\n${output}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  }
});
process.stdin.on('end', () => shutdown(0));
process.stdin.resume();
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
