// Writes the Rust SDK's generated code from spec/openapi.json: src/generated/operations.rs (the
// operations table) and src/generated/models.rs (one serde type per components.schemas entry).
// `--check` exits non-zero when a committed file differs from a fresh generation (staleness).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { renderModels } from './render-models.mjs';
import { renderOperations } from './render-operations.mjs';

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(readFileSync(join(sdkDir, '..', '..', 'spec', 'openapi.json'), 'utf8'));
const outputs = {
  'operations.rs': renderOperations(spec),
  'models.rs': renderModels(spec),
};

let stale = false;
for (const [name, fresh] of Object.entries(outputs)) {
  const outPath = join(sdkDir, 'src', 'generated', name);
  if (!process.argv.includes('--check')) {
    writeFileSync(outPath, fresh);
    continue;
  }
  let committed = '';
  try { committed = readFileSync(outPath, 'utf8'); } catch { /* missing counts as stale */ }
  if (committed !== fresh) {
    console.error(`${outPath} is stale: run node sdks/rust/scripts/generate.mjs`);
    stale = true;
  }
}
if (stale) process.exit(1);
