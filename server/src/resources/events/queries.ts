// What other modules may read of events: the webhook dispatcher loads the event it delivers. The
// store stays private to this folder.
import type { Db } from '../../db/database.js';
import { EventsStore } from './store.js';

export const eventById = (db: Db, id: string) => new EventsStore(db).findById(id);
