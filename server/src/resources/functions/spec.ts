// What the function driver is handed for a function row: its deployed settings and source folder.
import type { FunctionSpec } from '../../drivers/function-driver.js';
import type { FunctionSources } from './sources.js';
import type { FunctionRow } from './store.js';

export function specOf(row: FunctionRow, sources: FunctionSources): FunctionSpec {
  return {
    functionId: row.id,
    version: row.version,
    runtime: row.runtime,
    handler: row.handler,
    memoryMb: row.memory_mb,
    timeoutS: row.timeout_s,
    environment: JSON.parse(row.environment) as Record<string, string>,
    sourceDir: sources.dirOf(row.id, row.source_sha256),
    networkId: row.network_id,
  };
}
