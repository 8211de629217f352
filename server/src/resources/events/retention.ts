// Deletes events (and finished delivery attempts) older than the retention period. Runs as a
// periodic engine task, at most once an hour: a DELETE on every worker tick would be waste.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { pruneDeliveriesBefore } from '../webhooks/queries.js';
import { EventsStore } from './store.js';

const PRUNE_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

export class EventRetention {
  private nextPruneAt = 0;

  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
    private readonly clock: Clock,
  ) {}

  async tick(): Promise<void> {
    const now = this.clock();
    if (now < this.nextPruneAt) return;
    this.nextPruneAt = now + PRUNE_EVERY_MS;
    const cutoff = storedTime(now - this.retentionDays * DAY_MS);
    await pruneDeliveriesBefore(this.db, cutoff);
    await new EventsStore(this.db).pruneBefore(cutoff);
  }
}
