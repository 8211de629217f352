// Every installed package must run on the oldest Node the README promises (20): a dependency whose
// `engines` leaves 20 out fails here instead of on a user's machine. light-my-request 6.8 (under
// Fastify) moved to cookie 2, which wants Node 22, so package.json pins light-my-request 6.6 (cookie 1).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

const OLDEST_NODE_20 = '20.19.0';
// Loaded only where Node-API 10 exists (Node 22+; server/src/db/sqlite-binding.ts); Node 20 loads better-sqlite3 12.
const NEWER_NODES_ONLY = new Set(['node_modules/better-sqlite3-napi']);

test(`every package in package-lock.json runs on Node ${OLDEST_NODE_20}`, () => {
  const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
  const refused = Object.entries(lock.packages)
    .filter(([where, meta]) => where !== '' && !NEWER_NODES_ONLY.has(where) && typeof meta.engines?.node === 'string')
    .filter(([, meta]) => !semver.satisfies(OLDEST_NODE_20, meta.engines.node))
    .map(([where, meta]) => `${where} (${meta.version}) wants node ${meta.engines.node}`);
  assert.deepEqual(refused, []);
});
