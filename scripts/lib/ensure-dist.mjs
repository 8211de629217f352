// Builds the dist/ parts that are missing or older than their sources (for npm start and the tests
// that install artifacts); `npm run dist` rebuilds them all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
export const distDir = path.join(root, 'dist');

/** What each part is built from (relative to the repository). */
const SOURCES = {
  npm: ['sdks/typescript/src', 'sdks/typescript/package.json', 'cli/src', 'cli/bin', 'cli/package.json'],
  python: ['sdks/python/src', 'sdks/python/pyproject.toml'],
  rust: ['sdks/rust/src', 'sdks/rust/Cargo.toml'],
};

/** Parts (npm, python, rust) whose dist/<part> folder is empty, absent, or older than a source. */
export function staleParts(parts) {
  return parts.filter((part) => {
    const folder = path.join(distDir, part);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).map((file) => path.join(folder, file)) : [];
    if (files.length === 0) return true;
    const oldestBuilt = Math.min(...files.map((file) => fs.statSync(file).mtimeMs));
    return Math.max(...SOURCES[part].map((source) => newestMtime(path.join(root, source)))) > oldestBuilt;
  });
}

/** Builds the stale parts; throws (after dist.mjs has said why) when a build fails. */
export function ensureDist(parts) {
  const stale = staleParts(parts);
  if (stale.length === 0) return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'dist.mjs'), '--only', stale.join(',')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`building dist/ (${stale.join(', ')}) failed`);
}
