// What other modules may read of VPCs (networks, load balancers and databases live in one). The
// store stays private to this folder.
import type { Db } from '../../db/database.js';
import { VpcsStore } from './store.js';

export const findVpc = (db: Db, ...args: Parameters<VpcsStore['find']>) => new VpcsStore(db).find(...args);
