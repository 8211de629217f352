// Builds dist/esm (import) and dist/cjs (require), each with its own declarations, by running tsc twice.
// The package is "type": "module", so dist/cjs gets a package.json that makes Node read it as CommonJS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const builds = [
  { outDir: 'dist/esm', flags: [] },
  { outDir: 'dist/cjs', flags: ['--module', 'commonjs', '--moduleResolution', 'node10'], packageType: 'commonjs' },
];

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const { outDir, flags, packageType } of builds) {
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, ...flags], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (packageType) fs.writeFileSync(path.join(root, outDir, 'package.json'), `${JSON.stringify({ type: packageType })}\n`);
}
