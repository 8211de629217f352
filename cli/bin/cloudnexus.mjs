#!/usr/bin/env node
// The `cloudnexus` bin. It is committed (dist/ is not), so `npm ci` on a fresh clone links it
// before anything is built; a package built by `npm pack` ships dist/ beside it. It runs the
// build's entry point, or says how to make one.
import fs from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!fs.existsSync(entry)) {
  process.stderr.write('cloudnexus: the CLI is not built yet: run `npm run build -w cloudnexus` first\n');
  process.exit(1);
}
await import(entry.href);
