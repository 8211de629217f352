// The action queue as the metrics endpoint reports it.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { QueueStats } from '../../http/metrics.js';
import { ActionsStore } from './store.js';

export async function queueStats(db: Db, clock: Clock): Promise<QueueStats> {
  const { depth, oldestStartedAt } = await new ActionsStore(db).queue();
  const oldestAgeSeconds = oldestStartedAt === null ? 0 : Math.max(0, (clock() - Date.parse(oldestStartedAt)) / 1000);
  return { depth, oldestAgeSeconds };
}
