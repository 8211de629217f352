// Private address management: hands out each address of a network at most once.
import type { Database, Db } from '../../db/database.js';
import { formatAddress, parseCidr, usableAddresses, type Cidr } from '../../net/cidr.js';
import { IpAllocationsStore } from './ip-allocations-store.js';
import { NetworksStore } from './store.js';
import { validationFailed } from '../../errors/catalog.js';

/**
 * Allocates the lowest free address of `networkId` to `holderId` (an instance or a database)
 * inside `trx`. The network row is
 * locked first (PostgreSQL; SQLite runs one transaction at a time), and the (network, address)
 * primary key would refuse a duplicate anyway. A full network is a 422 naming `network_id`.
 */
export async function allocateAddress(trx: Db, kind: Database['kind'], networkId: string, holderId: string): Promise<string> {
  const network = await new NetworksStore(trx).lock(networkId, kind);
  if (!network) throw validationFailed([{ field: 'network_id', message: `Unknown network ${networkId}` }]);
  const allocations = new IpAllocationsStore(trx);
  const taken = await allocations.taken(networkId);
  const { first, last } = usableAddresses(parseCidr(network.ip_range) as Cidr);
  for (let candidate = first; candidate <= last; candidate++) {
    const address = formatAddress(candidate);
    if (taken.has(address)) continue;
    await allocations.insert(networkId, address, holderId);
    return address;
  }
  throw validationFailed([{ field: 'network_id', message: `Network ${network.name} (${network.ip_range}) has no free addresses` }]);
}
