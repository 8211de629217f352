// `npm ci` links a package's bins before anything is built. A bin under dist/ is missing on a fresh
// clone, so no link is made and `npx <bin>` (as the READMEs say) goes to the registry instead. Each
// workspace with bins checks itself with this (server/test/bin-link.test.ts, cli/test/bin-link.test.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

/** The workspace's bins, as its package.json names them. */
function binsOf(workspace) {
  const { bin } = JSON.parse(fs.readFileSync(path.join(root, workspace, 'package.json'), 'utf8'));
  assert.ok(bin && typeof bin === 'object', `${workspace}/package.json names its bins as an object`);
  return bin;
}

/** Every bin of the workspace (a folder relative to the repository) is a committed, executable file outside dist/. */
export function assertBinsCommitted(workspace) {
  const dir = path.join(root, workspace);
  for (const [name, file] of Object.entries(binsOf(workspace))) {
    assert.ok(!file.startsWith('dist/'), `${name} points into dist/`);
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', file], { cwd: dir, encoding: 'utf8' }).trim();
    assert.equal(tracked, file, `${name}: ${file} is not committed`);
    assert.ok((fs.statSync(path.join(dir, file)).mode & 0o111) !== 0, `${name}: ${file} is not executable`);
  }
}

/** The lockfile records the same bins: npm ci links what it records, not what package.json says. */
export function assertLockfileBins(workspace) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  assert.deepEqual(lock.packages[workspace]?.bin, binsOf(workspace));
}
