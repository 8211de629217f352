// The gate itself: it passes on this branch's TypeScript SDK and CLI, and fails, naming the
// operation, on a spec with an operation no client has or without one a client names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compare, coveredBy, specOperations } from '../client-coverage.mjs';
import { opLiterals } from './sdk-sources.mjs';

const scripts = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const spec = JSON.parse(fs.readFileSync(path.join(scripts, '..', 'spec', 'openapi.json'), 'utf8'));
const covered = { ts: coveredBy('ts'), cli: coveredBy('cli') };

/** The real spec plus one operation no client has. */
function withExtraOperation() {
  const paths = { ...spec.paths, '/v2/widgets': { get: { operationId: 'listWidgets', responses: { 200: { description: 'ok' } } } } };
  return { ...spec, paths };
}

/** The real spec without `GET /v2/vpcs/{id}`, which every client names. */
function withoutGetVpc() {
  const { get: _dropped, ...rest } = spec.paths['/v2/vpcs/{id}'];
  return { ...spec, paths: { ...spec.paths, '/v2/vpcs/{id}': rest } };
}

test('op literals: the convention pattern, in any quote and spacing, and nothing else', () => {
  const text = `op('attachVolume', x); op( "getVpc" ); op(\n  'listVpcs'); op(operationId); top('notOne'); op<T>('generic')`;
  assert.deepEqual([...opLiterals(text)].sort(), ['attachVolume', 'getVpc', 'listVpcs']);
});

test('the TypeScript SDK and the CLI cover every operation of spec/openapi.json', () => {
  for (const client of ['ts', 'cli']) {
    const row = compare(specOperations(spec), covered[client]);
    assert.deepEqual({ missing: row.missing, unknown: row.unknown }, { missing: [], unknown: [] }, client);
    assert.equal(row.covered, row.total);
  }
});

test('an operation without a method in a client fails it', () => {
  for (const client of ['ts', 'cli']) assert.deepEqual(compare(specOperations(withExtraOperation()), covered[client]).missing, ['listWidgets'], client);
});

test('a method naming an operation the spec lacks fails its client', () => {
  for (const client of ['ts', 'cli']) assert.deepEqual(compare(specOperations(withoutGetVpc()), covered[client]).unknown, ['getVpc'], client);
});

test('the script exits 1 and names the operation when a client lacks one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnx-coverage-'));
  try {
    const fixture = path.join(dir, 'openapi.json');
    fs.writeFileSync(fixture, JSON.stringify(withExtraOperation()));
    const run = spawnSync(process.execPath, [path.join(scripts, 'client-coverage.mjs'), '--only', 'ts', '--spec', fixture], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const total = specOperations(spec).size;
    assert.match(run.stdout, new RegExp(`FAIL ts +${total}/${total + 1}`));
    assert.match(run.stdout, /no method: listWidgets/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
