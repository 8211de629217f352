// Builds dashboard/dist: the dashboard (dist/dashboard) and the API playground (dist/playground),
// every file served from the server's own origin. `npm start` and the test setups run this.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(root, 'dist');

export async function buildDashboard() {
  const swaggerUi = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  await fs.rm(DIST, { recursive: true, force: true });
  await fs.mkdir(path.join(DIST, 'dashboard'), { recursive: true });
  await fs.mkdir(path.join(DIST, 'playground'), { recursive: true });
  const common = { bundle: true, minify: true, format: 'iife', target: 'es2020', logLevel: 'warning' };
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/main.ts')], outfile: path.join(DIST, 'dashboard/app.js') });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/styles.css')], outfile: path.join(DIST, 'dashboard/app.css') });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/playground.ts')], outfile: path.join(DIST, 'playground/playground.js') });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src/playground.css')], outfile: path.join(DIST, 'playground/playground.css') });
  await fs.copyFile(path.join(root, 'static/dashboard.html'), path.join(DIST, 'dashboard/index.html'));
  await fs.copyFile(path.join(root, 'static/favicon.svg'), path.join(DIST, 'dashboard/favicon.svg'));
  await fs.copyFile(path.join(root, 'static/playground.html'), path.join(DIST, 'playground/index.html'));
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
    // Drop the source-map comment: the map is not shipped, and browsers would ask for it.
    const text = await fs.readFile(path.join(swaggerUi, file), 'utf8');
    await fs.writeFile(path.join(DIST, 'playground', file), text.replace(/\n?\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n'));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildDashboard();
