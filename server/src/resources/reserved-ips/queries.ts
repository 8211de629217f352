// What other modules may use of reserved IPs (instances reserve one at create, show their public
// address and release it when they are deleted). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { LabelsStore } from '../../labels/store.js';
import { ReservedIpsStore } from './store.js';

export const reservedIpOf = (db: Db, instanceId: string) => new ReservedIpsStore(db).heldBy(instanceId);
/** Reserves an address inside another module's transaction (an instance create with `public_ip: true`). */
export { reserve as reservePublicIp } from './pool.js';

/**
 * An instance is gone: the address its create reserved goes back to the pool, and one it was given
 * afterwards stays with the account, unassigned.
 */
export async function releaseReservedIpOf(trx: Db, instanceId: string, at: string): Promise<void> {
  const store = new ReservedIpsStore(trx);
  for (const id of await store.goingWith(instanceId)) {
    await new LabelsStore(trx).remove(id);
    await store.remove(id);
  }
  await store.unassignFrom(instanceId, at);
}
export const publicAddressesOf = (db: Db, instanceIds: string[]) => new ReservedIpsStore(db).addressesOf(instanceIds);
/** The SQL fragment giving an instance's public address, for the instances' list query. */
export { publicIpv4Of } from './store.js';
