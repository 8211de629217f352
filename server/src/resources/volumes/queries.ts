// What other modules may read of volumes (instances show what is attached, backup policies pick
// their targets, snapshots copy them). The store stays private to this folder.
import type { Db } from '../../db/database.js';
import { VolumesStore } from './store.js';

export type { VolumeRow } from './store.js';
/** The SQL fragment listing an instance's attached volume ids, for the instances' list query. */
export { attachedVolumeIdsJson } from './store.js';

export const attachedVolumes = (db: Db, ...args: Parameters<VolumesStore['attachedTo']>) => new VolumesStore(db).attachedTo(...args);
export const ownedVolumeIds = (db: Db, ...args: Parameters<VolumesStore['ownedIds']>) => new VolumesStore(db).ownedIds(...args);
/** The volumes a backup policy covers: the ids it names, or those its label selector matches. */
export const backupTargets = (db: Db, ...args: Parameters<VolumesStore['targets']>) => new VolumesStore(db).targets(...args);
