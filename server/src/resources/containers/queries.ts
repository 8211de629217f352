// What other modules may read of containers (an image in use cannot go). The store stays private.
import type { Db } from '../../db/database.js';
import { ContainersStore } from './store.js';

export const containersUsingImage = (db: Db, imageId: string) => new ContainersStore(db).usingImage(imageId);
