// What other modules may read or do with networks: find one, list a VPC's, look up or release an
// address, and make a region's default network beside its default VPC. The stores stay private
// to this folder.
import type { Db } from '../../db/database.js';
import { IpAllocationsStore } from './ip-allocations-store.js';
import { NetworksStore } from './store.js';

export type { NetworkRow } from './store.js';

export const findNetwork = (db: Db, ...args: Parameters<NetworksStore['find']>) => new NetworksStore(db).find(...args);
export const networksInVpc = (db: Db, ...args: Parameters<NetworksStore['inVpc']>) => new NetworksStore(db).inVpc(...args);
export const defaultNetworkIn = (db: Db, ...args: Parameters<NetworksStore['defaultIn']>) => new NetworksStore(db).defaultIn(...args);
export const insertNetworkIfAbsent = (db: Db, ...args: Parameters<NetworksStore['insertIfAbsent']>) => new NetworksStore(db).insertIfAbsent(...args);
/** The address a resource (instance or database) holds in its network. */
export const addressOf = (db: Db, resourceId: string) => new IpAllocationsStore(db).addressOf(resourceId);
/** Frees a deleted resource's address, in the transaction that deletes it. */
export const releaseAddressOf = (trx: Db, resourceId: string) => new IpAllocationsStore(trx).releaseFor(resourceId);
