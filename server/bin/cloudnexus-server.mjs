#!/usr/bin/env node
// The `cloudnexus-server` bin. It is committed (dist/ is not), so `npm ci` on a fresh clone links it
// before anything is built, and `npx cloudnexus-server` finds it instead of asking the registry. It
// runs the build's entry point, or says how to make one.
import fs from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!fs.existsSync(entry)) {
  process.stderr.write('cloudnexus-server: the server is not built yet: run `npm start` (or `npm run build -w server`) first\n');
  process.exit(1);
}
await import(entry.href);
