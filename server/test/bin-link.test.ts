// `npm ci` links a package's bins before anything is built. A bin under dist/ is missing on a fresh
// clone, so no link is made and `npx cloudnexus-server` (as the README says) goes to the registry.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';

const root = new URL('../', import.meta.url);
const { bin } = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8')) as { bin: Record<string, string> };

test('every bin is a committed source file, there before any build', () => {
  for (const [name, file] of Object.entries(bin)) {
    assert.ok(!file.startsWith('dist/'), `${name} points into dist/`);
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', file], { cwd: root, encoding: 'utf8' }).trim();
    assert.equal(tracked, file, `${name}: ${file} is not committed`);
    assert.ok((fs.statSync(new URL(file, root)).mode & 0o111) !== 0, `${name}: ${file} is not executable`);
  }
});

test('the lockfile names the same bins: npm ci links what it records, not what package.json says', () => {
  const lock = JSON.parse(fs.readFileSync(new URL('../package-lock.json', root), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
  assert.deepEqual(lock.packages['server']?.bin, bin);
});
