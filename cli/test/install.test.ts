// install.sh is tested without the network: fake `node` and `npm` on PATH report a chosen version
// and record how they were called; the fake npm "installs" a cloudnexus that prints its version.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { cliDir } from './helpers/cli.js';

const installScript = path.join(cliDir, 'install.sh');
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-install-'));
after(() => fs.rmSync(sandbox, { recursive: true, force: true }));

const FAKE_NODE = `#!/bin/sh
[ "$1" = --version ] && echo "$FAKE_NODE_VERSION"
`;
// Records its arguments, then puts a cloudnexus into <prefix>/bin, as npm install -g --prefix does.
const FAKE_NPM = `#!/bin/sh
echo "$*" >> "$FAKE_NPM_LOG"
[ -n "$FAKE_NPM_FAIL" ] && exit 1
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done
mkdir -p "$prefix/bin"
printf '#!/bin/sh\\necho %s\\n' "$FAKE_CLI_VERSION" > "$prefix/bin/cloudnexus"
chmod +x "$prefix/bin/cloudnexus"
`;

/** A folder holding only the fakes asked for, plus the few real tools the script uses. */
function fakeBin(name: string, tools: { node?: boolean; npm?: boolean }): string {
  const dir = path.join(sandbox, name);
  fs.mkdirSync(dir, { recursive: true });
  if (tools.node) fs.writeFileSync(path.join(dir, 'node'), FAKE_NODE, { mode: 0o755 });
  if (tools.npm) fs.writeFileSync(path.join(dir, 'npm'), FAKE_NPM, { mode: 0o755 });
  for (const tool of ['mkdir', 'chmod', 'sh', 'cat']) {
    const real = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (real) fs.symlinkSync(real, path.join(dir, tool));
  }
  return dir;
}

function install(bin: string, env: Record<string, string> = {}) {
  const log = path.join(sandbox, `${path.basename(bin)}.npm.log`);
  const run = spawnSync('/bin/bash', [installScript], {
    encoding: 'utf8',
    env: { PATH: bin, HOME: path.join(sandbox, 'home'), FAKE_NODE_VERSION: 'v20.11.1', FAKE_CLI_VERSION: '0.1.0', FAKE_NPM_LOG: log, ...env },
  });
  const npmCalls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { ...run, npmCalls };
}

describe('install.sh', () => {
  test('installs into ~/.local with npm, then says how to put the bin dir on PATH', () => {
    const run = install(fakeBin('fresh', { node: true, npm: true }));
    const prefix = path.join(sandbox, 'home', '.local');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.npmCalls, [`install -g --prefix ${prefix} --no-fund --no-audit cloudnexus@latest`]);
    assert.match(run.stdout, new RegExp(`installed cloudnexus 0\\.1\\.0 as ${prefix}/bin/cloudnexus`));
    assert.match(run.stdout, new RegExp(`export PATH="${prefix}/bin:\\$PATH"`));
  });

  test('is idempotent: a re-run keeps the same version, a newer one upgrades', () => {
    const bin = fakeBin('rerun', { node: true, npm: true });
    const prefix = path.join(sandbox, 'custom-prefix');
    const env = { CLOUDNEXUS_PREFIX: prefix, CLOUDNEXUS_VERSION: '0.1.0' };
    assert.equal(install(bin, env).status, 0);
    const again = install(bin, env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /cloudnexus 0\.1\.0 was already installed in .*; kept it/);
    const upgrade = install(bin, { ...env, CLOUDNEXUS_VERSION: '0.2.0', FAKE_CLI_VERSION: '0.2.0' });
    assert.equal(upgrade.status, 0, upgrade.stderr);
    assert.match(upgrade.stdout, /upgraded cloudnexus from 0\.1\.0 to 0\.2\.0/);
    assert.equal(upgrade.npmCalls.at(-1), `install -g --prefix ${prefix} --no-fund --no-audit cloudnexus@0.2.0`);
  });

  test('no PATH hint when the bin dir is already on PATH', () => {
    const bin = fakeBin('onpath', { node: true, npm: true });
    const prefix = path.join(sandbox, 'onpath-prefix');
    const run = install(bin, { CLOUDNEXUS_PREFIX: prefix, PATH: `${bin}:${prefix}/bin` });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /export PATH/);
    assert.match(run.stdout, /run: cloudnexus auth login/);
  });

  test('refuses clearly without Node.js, with an old Node.js, without npm, and when npm fails', () => {
    const cases = [
      { bin: fakeBin('nonode', { npm: true }), env: {}, message: /Node\.js 20 or newer is required and was not found on PATH/ },
      { bin: fakeBin('oldnode', { node: true, npm: true }), env: { FAKE_NODE_VERSION: 'v18.19.0' }, message: /Node\.js 20 or newer is required; found v18\.19\.0/ },
      { bin: fakeBin('nonpm', { node: true }), env: {}, message: /npm was not found/ },
      { bin: fakeBin('npmfails', { node: true, npm: true }), env: { FAKE_NPM_FAIL: '1' }, message: /npm install -g --prefix .* cloudnexus@latest failed/ },
    ];
    for (const { bin, env, message } of cases) {
      const run = install(bin, env);
      assert.equal(run.status, 1, `${bin}: ${run.stdout}`);
      assert.match(run.stderr, message);
    }
  });

  test('is shellcheck-clean (when shellcheck is installed)', (t) => {
    const check = spawnSync('shellcheck', [installScript], { encoding: 'utf8' });
    if (check.error) return t.skip('shellcheck is not installed');
    assert.equal(check.status, 0, check.stdout);
  });
});
