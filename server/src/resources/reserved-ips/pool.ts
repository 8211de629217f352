// The operator's pool of public addresses, shared by every account: the lowest free one is handed
// out. Allocations queue behind the store's pool lock; the unique `ip` column would refuse a
// duplicate anyway.
import { storedTime, type Clock } from '../../clock.js';
import type { Database, Db } from '../../db/database.js';
import { apiError } from '../../errors/catalog.js';
import { newId } from '../../ids.js';
import { formatAddress, parseCidr, type Cidr } from '../../net/cidr.js';
import { checkQuota } from '../accounts/quotas.js';
import { ReservedIpsStore, type ReservedIpRow } from './store.js';

export interface Reservation {
  accountId: string;
  region: string;
  /** Set when an instance create reserves the address for itself, which then goes with the instance. */
  instanceId?: string;
}

/** Checks the account's quota, takes the pool's lowest free address and inserts the row, inside `trx`. */
export async function reserve(trx: Db, kind: Database['kind'], pool: string, clock: Clock, reservation: Reservation): Promise<ReservedIpRow> {
  await checkQuota(trx, kind, reservation.accountId, { reserved_ips: 1 });
  await new ReservedIpsStore(trx).lockPool(kind);
  const now = storedTime(clock());
  const row: ReservedIpRow = {
    id: newId('rip'),
    account_id: reservation.accountId,
    ip: await freeAddress(trx, pool),
    region: reservation.region,
    instance_id: reservation.instanceId ?? null,
    status: reservation.instanceId ? 'assigned' : 'unassigned',
    release_with_instance: reservation.instanceId ? 1 : 0,
    action_id: null,
    created_at: now,
    updated_at: now,
  };
  await new ReservedIpsStore(trx).insert(row);
  return row;
}

async function freeAddress(trx: Db, pool: string): Promise<string> {
  const cidr = parseCidr(pool) as Cidr; // validated by the config module at startup
  const taken = await new ReservedIpsStore(trx).takenIps();
  // All but the network and broadcast addresses.
  for (let candidate = cidr.base + 1; candidate < cidr.base + cidr.size - 1; candidate++) {
    const address = formatAddress(candidate);
    if (!taken.has(address)) return address;
  }
  throw apiError('pool_exhausted', `The public IP pool ${pool} has no free address`);
}
