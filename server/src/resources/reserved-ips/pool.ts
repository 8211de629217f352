// The operator's pool of public addresses, shared by every account: the lowest free one is handed
// out. Two creates that pick the same address at once are told apart by the unique `ip` column.
import type { Db } from '../../db/database.js';
import { apiError } from '../../errors/catalog.js';
import { formatAddress, parseCidr, type Cidr } from '../../net/cidr.js';
import { ReservedIpsStore } from './store.js';

export async function freeAddress(trx: Db, pool: string): Promise<string> {
  const cidr = parseCidr(pool) as Cidr; // validated by the config module at startup
  const taken = await new ReservedIpsStore(trx).takenIps();
  // All but the network and broadcast addresses.
  for (let candidate = cidr.base + 1; candidate < cidr.base + cidr.size - 1; candidate++) {
    const address = formatAddress(candidate);
    if (!taken.has(address)) return address;
  }
  throw apiError('pool_exhausted', `The public IP pool ${pool} has no free address`);
}
