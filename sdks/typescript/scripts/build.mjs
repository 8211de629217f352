// Builds dist/esm (import) and dist/cjs (require), each with its own declarations, by running tsc twice.
// The package is "type": "module", so dist/cjs gets a package.json that makes Node read it as CommonJS.
// The build goes to a scratch folder that replaces dist only once complete: other workspaces (the CLI)
// may be importing dist while this package rebuilds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const dist = path.join(root, 'dist');
const scratch = path.join(root, `.dist-build-${process.pid}`);

const builds = [
  { outDir: 'esm', flags: [] },
  { outDir: 'cjs', flags: ['--module', 'commonjs', '--moduleResolution', 'node10'], packageType: 'commonjs' },
];

/** Both builds into the scratch folder; false when tsc failed (it has printed why). */
function buildInto(folder) {
  for (const { outDir, flags, packageType } of builds) {
    const out = path.join(folder, outDir);
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, ...flags], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) return false;
    if (packageType) fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: packageType })}\n`);
  }
  return true;
}

if (buildInto(scratch)) {
  const previous = `${scratch}-previous`;
  if (fs.existsSync(dist)) fs.renameSync(dist, previous);
  fs.renameSync(scratch, dist);
  fs.rmSync(previous, { recursive: true, force: true });
} else {
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exitCode = 1;
}
