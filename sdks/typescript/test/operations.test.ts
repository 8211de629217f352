// Every method finds its route in the generated operations table: the method and path sent are the
// table's, with each id percent-encoded, whatever the id holds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { operations } from '../src/generated/operations.js';
import { CloudNexus } from '../src/index.js';
import { startFakeServer, type FakeServer } from './helpers/fake-server.js';

let server: FakeServer;
before(async () => {
  server = await startFakeServer(() => ({ status: 202, body: { id: 'vol_1', status: 'available', message: 'ok', action_id: 'act_1' } }));
});
after(() => server.close());

const client = () => new CloudNexus({ apiKey: 'cnx_test', baseURL: server.baseURL, maxRetries: 0 });

test('volumes.attach sends PUT /volumes/{id}/attach with its body', async () => {
  await client().volumes.attach('vol_1', { instance_id: 'inst_1' });
  const request = server.requests.at(-1)!;
  assert.equal(request.method, 'PUT');
  assert.equal(new URL(request.url, 'https://x').pathname, '/v2/volumes/vol_1/attach');
  assert.deepEqual(JSON.parse(request.body), { instance_id: 'inst_1' });
});

test('an id cannot change the route: slashes and dots are percent-encoded', async () => {
  await client().databases.users.delete('db_1', '../../instances/inst_1');
  const request = server.requests.at(-1)!;
  assert.equal(request.method, 'DELETE');
  assert.equal(request.url, '/v2/databases/db_1/users/..%2F..%2Finstances%2Finst_1');
});

test('each operation has exactly one method: every operationId is named by one op() call in src/', async () => {
  // @ts-expect-error: a plain .mjs script without declarations
  const { OP_LITERAL, SDK_SOURCES, sourceFiles } = await import('../../../scripts/coverage/sdk-sources.mjs');
  const repoRoot = new URL('../../../', import.meta.url).pathname;
  const counts = new Map<string, number>();
  for (const file of sourceFiles(repoRoot, SDK_SOURCES.ts) as string[]) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(OP_LITERAL as RegExp)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  }
  assert.deepEqual([...counts].filter(([, count]) => count > 1), [], 'operationIds named by more than one op() call');
  assert.deepEqual([...counts.keys()].sort(), Object.keys(operations).sort());
});
