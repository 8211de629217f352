// What the function driver is handed for a function row: its deployed settings and source folder,
// and, for one in a VPC network, that network and the address the function holds in it.
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { FunctionSpec } from '../../drivers/function-driver.js';
import { addressOf, findNetwork } from '../networks/queries.js';
import type { FunctionSources } from './sources.js';
import type { FunctionRow } from './store.js';

export async function specOf(db: Db, row: FunctionRow, sources: FunctionSources): Promise<FunctionSpec> {
  return {
    functionId: row.id,
    version: row.version,
    runtime: row.runtime,
    handler: row.handler,
    memoryMb: row.memory_mb,
    timeoutS: row.timeout_s,
    environment: JSON.parse(row.environment) as Record<string, string>,
    sourceDir: sources.dirOf(row.id, row.source_sha256),
    network: row.network_id === null ? null : await networkOf(db, row, row.network_id),
  };
}

async function networkOf(db: Db, row: FunctionRow, networkId: string): Promise<FunctionSpec['network']> {
  const network = await findNetwork(db, row.account_id, networkId);
  const ipv4 = await addressOf(db, row.id);
  if (!network || !ipv4) throw new DriverError(`function ${row.id} has no network address`, false);
  return { id: network.id, vpcId: network.vpc_id, ipRange: network.ip_range, ipv4 };
}
