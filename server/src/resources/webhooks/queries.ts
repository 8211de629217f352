// What other modules may do with webhook deliveries: the events recorder queues one per matching
// webhook in the event's transaction, and event retention prunes them with the events. The store
// stays private to this folder.
import type { Db } from '../../db/database.js';
import { DeliveriesStore } from './deliveries-store.js';

export type { DeliveryRow } from './deliveries-store.js';

export const queueDelivery = (trx: Db, ...args: Parameters<DeliveriesStore['insert']>) => new DeliveriesStore(trx).insert(...args);
export const pruneDeliveriesBefore = (db: Db, cutoff: string) => new DeliveriesStore(db).pruneBefore(cutoff);
