// What other modules may read of reserved IPs (instances show their public address and release it
// when they are deleted). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { ReservedIpsStore } from './store.js';

export const reservedIpOf = (db: Db, instanceId: string) => new ReservedIpsStore(db).heldBy(instanceId);
export const releaseReservedIpOf = (db: Db, ...args: Parameters<ReservedIpsStore['releaseFor']>) => new ReservedIpsStore(db).releaseFor(...args);
export const publicAddressesOf = (db: Db, instanceIds: string[]) => new ReservedIpsStore(db).addressesOf(instanceIds);
/** The SQL fragment giving an instance's public address, for the instances' list query. */
export { publicIpv4Of } from './store.js';
