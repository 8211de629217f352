// What other modules may read of container images (containers run them). The store stays private.
import type { Db } from '../../db/database.js';
import { ContainerImagesStore } from './store.js';

export type { ContainerImageRow } from './store.js';

export const findContainerImage = (db: Db, ...args: Parameters<ContainerImagesStore['find']>) => new ContainerImagesStore(db).find(...args);
