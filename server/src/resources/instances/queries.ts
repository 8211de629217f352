// What other modules may read of instances (firewalls target them, load balancers route to them,
// volumes attach to them). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { InstancesStore } from './store.js';

export type { InstanceRow } from './store.js';

export const findInstance = (db: Db, ...args: Parameters<InstancesStore['find']>) => new InstancesStore(db).find(...args);
/** The instance, locked inside `db`'s transaction against a concurrent delete (see the store). */
export const lockInstance = (db: Db, ...args: Parameters<InstancesStore['lock']>) => new InstancesStore(db).lock(...args);
export const instancesInVpc = (db: Db, ...args: Parameters<InstancesStore['inVpc']>) => new InstancesStore(db).inVpc(...args);
export const ownedInstanceIds = (db: Db, ...args: Parameters<InstancesStore['ownedIds']>) => new InstancesStore(db).ownedIds(...args);
/** Every instance with an address, across accounts (firewall enforcement). */
export const addressedInstances = (db: Db) => new InstancesStore(db).addressed();
/** The instances a create or a rebuild is building from `image` right now (what makes it busy). */
export const instancesBuildingFrom = (db: Db, image: string) => new InstancesStore(db).buildingFrom(image);
