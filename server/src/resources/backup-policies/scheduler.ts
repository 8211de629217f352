// Fires backup policies: each due slot, once, on whichever node claims it first. A slot missed
// while the servers were down fires once on catch-up, and the next slot is counted from now.
import { storedTime } from '../../clock.js';
import { fireDueSlots } from '../../engine/due-slots.js';
import { systemOrigin } from '../events/origin.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { enqueueSnapshot, snapshotDeletion } from '../snapshots/service.js';
import { Operations } from '../actions/operations.js';
import { policySnapshots } from '../snapshots/queries.js';
import { backupTargets } from '../volumes/queries.js';
import { nextSlot } from './schedule.js';
import { BackupPoliciesStore, type BackupPolicyRow } from './store.js';
import type { Context } from '../module.js';

const BATCH = 20;
/** Volumes in these states can be snapshotted. */
const SNAPSHOTTABLE = new Set(['available', 'attached']);

export class BackupScheduler {
  private readonly operations: Operations;

  constructor(private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'log' | 'poke'>) {
    this.operations = new Operations(context);
  }

  /** Fires every due slot; returns how many it fired (others may have been fired by other nodes). */
  async tick(): Promise<number> {
    const now = this.context.clock();
    const due = await new BackupPoliciesStore(this.context.database.db).due(storedTime(now), BATCH);
    const fired = await fireDueSlots(due, (policy) => this.fire(policy, now), (error, policy) => this.context.log.error({ err: error, policyId: policy.id }, 'backup policy failed to fire'));
    if (fired > 0) this.context.poke();
    return fired;
  }

  private async fire(policy: BackupPolicyRow, now: number): Promise<boolean> {
    const slot = policy.next_run_at;
    const next = storedTime(nextSlot(policy.schedule, now));
    return this.context.database.db.transaction().execute(async (trx) => {
      if (!(await new BackupPoliciesStore(trx).claimSlot(policy.id, slot, next, storedTime(now)))) return false;
      const ids = policy.volume_ids === null ? null : (JSON.parse(policy.volume_ids) as string[]);
      // The policy acts on its own schedule: the system is the actor.
      const origin = systemOrigin(policy.account_id);
      const volumes = await backupTargets(trx, policy.account_id, ids, parseLabelSelector(policy.label_selector ?? ''));
      for (const volume of volumes.filter((v) => SNAPSHOTTABLE.has(v.status))) {
        await enqueueSnapshot(trx, this.context.actions, this.context.clock, volume, `${policy.name}-${slot.slice(0, 16)}`, policy.id, this.context.events, origin);
        // The new snapshot counts towards retention: keep it and the newest (retention - 1) before it.
        const older = (await policySnapshots(trx, policy.id, volume.id)).filter((s) => s.status === 'available');
        for (const expired of older.slice(Math.max(0, policy.retention_count - 1))) {
          // One a caller is already deleting is skipped: it goes anyway.
          await this.operations.startWithin(trx, snapshotDeletion(expired, origin, this.context.clock));
        }
      }
      return true;
    });
  }
}
