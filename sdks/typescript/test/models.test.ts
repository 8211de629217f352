import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script without declarations
import { modelsPath, operationsPath, renderModels, renderOperations, specPath } from '../scripts/generate-models.mjs';

const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));

test('src/models.ts is what spec/openapi.json generates (run `npm run generate` after the spec changes)', () => {
  assert.equal(fs.readFileSync(modelsPath, 'utf8'), renderModels(spec));
});

test('src/generated/operations.ts is what spec/openapi.json generates (run `npm run generate` after the spec changes)', () => {
  assert.equal(fs.readFileSync(operationsPath, 'utf8'), renderOperations(spec));
});
