// The client coverage gate (issue 19): every operation of spec/openapi.json has a method in each
// SDK (Python sync and async counted apart) and a CLI command, and no client names an operation the
// spec lacks. Prints `client covered/total` per client and exits 1 when any client falls short.
//   node scripts/client-coverage.mjs [--only ts,cli] [--spec path/to/openapi.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cliOperations } from './coverage/cli-operations.mjs';
import { SDK_SOURCES, sdkOperations } from './coverage/sdk-sources.mjs';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const CLIENTS = [...Object.keys(SDK_SOURCES), 'cli'];

/** Every operationId of an OpenAPI document. */
export function specOperations(spec) {
  return new Set(Object.values(spec.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId)));
}

/** The operations a client's code names. */
export function coveredBy(client) {
  return client === 'cli' ? cliOperations(repoRoot) : sdkOperations(repoRoot, SDK_SOURCES[client]);
}

/** How many of the spec's operations a client covers, which it lacks, and which it names that the spec lacks. */
export function compare(operations, covered) {
  return {
    covered: [...operations].filter((id) => covered.has(id)).length,
    total: operations.size,
    missing: [...operations].filter((id) => !covered.has(id)).sort(),
    unknown: [...covered].filter((id) => !operations.has(id)).sort(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' }, spec: { type: 'string', default: path.join(repoRoot, 'spec', 'openapi.json') } } });
  const clients = values.only ? values.only.split(',') : CLIENTS;
  const unknownClients = clients.filter((client) => !CLIENTS.includes(client));
  if (unknownClients.length) {
    console.error(`unknown client(s) ${unknownClients.join(', ')}; choose from ${CLIENTS.join(', ')}`);
    process.exit(2);
  }
  let failed = false;
  const operations = specOperations(JSON.parse(fs.readFileSync(values.spec, 'utf8')));
  for (const client of clients) {
    const row = { client, ...compare(operations, coveredBy(client)) };
    const ok = row.missing.length === 0 && row.unknown.length === 0;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${row.client.padEnd(12)} ${row.covered}/${row.total}`);
    if (row.missing.length) console.log(`       no method: ${row.missing.join(', ')}`);
    if (row.unknown.length) console.log(`       not in the spec: ${row.unknown.join(', ')}`);
  }
  process.exit(failed ? 1 : 0);
}
