// What other modules may read of snapshots (a volume restored from one, a backup policy's
// retention). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { SnapshotsStore } from './store.js';

export const findSnapshot = (db: Db, ...args: Parameters<SnapshotsStore['find']>) => new SnapshotsStore(db).find(...args);
export const policySnapshots = (db: Db, ...args: Parameters<SnapshotsStore['ofPolicy']>) => new SnapshotsStore(db).ofPolicy(...args);
