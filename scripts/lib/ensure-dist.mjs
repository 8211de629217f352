// Builds the dist/ parts that are missing (for npm start and the tests that install artifacts);
// `npm run dist` rebuilds them all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
export const distDir = path.join(root, 'dist');

/** Parts (npm, python, rust) whose dist/<part> folder is empty or absent. */
export function missingParts(parts) {
  return parts.filter((part) => {
    const folder = path.join(distDir, part);
    return !fs.existsSync(folder) || fs.readdirSync(folder).length === 0;
  });
}

/** Builds the missing parts; throws (after dist.mjs has said why) when a build fails. */
export function ensureDist(parts) {
  const missing = missingParts(parts);
  if (missing.length === 0) return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'dist.mjs'), '--only', missing.join(',')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`building dist/ (${missing.join(', ')}) failed`);
}
