// What other modules may use of reserved IPs (instances reserve one at create, show their public
// address and release it when they are deleted). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { LabelsStore } from '../../labels/store.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import { ReservedIpsStore } from './store.js';

export const reservedIpOf = (db: Db, instanceId: string) => new ReservedIpsStore(db).heldBy(instanceId);
/** Reserves an address inside another module's transaction (an instance create with `public_ip: true`). */
export { reserve as reservePublicIp } from './pool.js';

/**
 * An instance is gone: the address its create reserved goes back to the pool, and one it was given
 * afterwards stays with the account, unassigned. Either way the events say so, as for an explicit
 * unassign and delete.
 */
export async function releaseReservedIpOf(trx: Db, events: EventsRecorder, instanceId: string, at: string): Promise<void> {
  const store = new ReservedIpsStore(trx);
  const held = await store.heldBy(instanceId);
  if (!held) return;
  const origin = systemOrigin(held.account_id);
  await events.record(trx, origin, 'reserved_ip.unassigned', held.id, { instance_id: instanceId });
  if (held.release_with_instance === 1) {
    await new LabelsStore(trx).remove(held.id);
    await store.remove(held.id);
    await events.record(trx, origin, 'reserved_ip.deleted', held.id, {});
    return;
  }
  await store.unassignFrom(instanceId, at);
  await events.statusChanged(trx, origin, 'reserved_ip.status_changed', held.id, { previous: held.status, status: 'unassigned' });
}
export const publicAddressesOf = (db: Db, instanceIds: string[]) => new ReservedIpsStore(db).addressesOf(instanceIds);
/** The SQL fragment giving an instance's public address, for the instances' list query. */
export { publicIpv4Of } from './store.js';
