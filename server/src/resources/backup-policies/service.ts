// Backup policies: validated schedules and targets; the scheduler does the firing.
import { apiTime, storedTime } from '../../clock.js';
import { inTransaction } from '../../db/database.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { ownedVolumeIds } from '../volumes/queries.js';
import { BackupPoliciesStore, type BackupPolicyRow } from './store.js';
import { nextSlot } from './schedule.js';
import { invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';
import { writePatch } from '../patch.js';

export interface BackupPolicy {
  id: string;
  name: string;
  schedule: string;
  retention_count: number;
  volume_ids: string[] | null;
  label_selector: string | null;
  enabled: boolean;
  next_run_at: string;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BackupPolicyInput {
  name?: string;
  schedule?: string;
  retention_count?: number;
  volume_ids?: string[];
  label_selector?: string;
  enabled?: boolean;
}

export class BackupPoliciesService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'db' | 'events'>,
  ) {}

  async create(caller: Caller, input: Required<Pick<BackupPolicyInput, 'name' | 'schedule' | 'retention_count'>> & BackupPolicyInput): Promise<BackupPolicy> {
    await this.validateTargets(caller, input);
    const now = this.context.clock();
    const row: BackupPolicyRow = {
      id: newId('bkp'),
      account_id: caller.accountId,
      name: input.name,
      schedule: input.schedule.trim(),
      retention_count: input.retention_count,
      volume_ids: input.volume_ids ? JSON.stringify(input.volume_ids) : null,
      label_selector: input.label_selector ?? null,
      enabled: input.enabled === false ? 0 : 1,
      next_run_at: storedTime(nextSlot(input.schedule, now)),
      last_run_at: null,
      created_at: storedTime(now),
      updated_at: storedTime(now),
    };
    const policy = present(row);
    await inTransaction(this.context.db, async (trx) => {
      await new BackupPoliciesStore(trx).insert(row);
      await this.context.events.record(trx, caller, 'backup_policy.created', row.id, policy);
    });
    return policy;
  }

  async list(caller: AuthContext, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<BackupPolicy>> {
    const request = cursors.request('backup_policies', query);
    const rows = await new BackupPoliciesStore(this.context.db).list(caller.accountId, request);
    return cursors.page('backup_policies', request, rows, (r) => [r.created_at, r.id], present);
  }

  async get(caller: AuthContext, id: string): Promise<BackupPolicy> {
    return present(await this.owned(caller, id));
  }

  async update(caller: Caller, id: string, input: BackupPolicyInput): Promise<BackupPolicy> {
    const row = await this.owned(caller, id);
    const retargeted = input.volume_ids !== undefined || input.label_selector !== undefined;
    if (retargeted) await this.validateTargets(caller, input);
    const now = this.context.clock();
    const schedule = input.schedule?.trim() ?? row.schedule;
    const enabled = input.enabled === undefined ? row.enabled : input.enabled ? 1 : 0;
    const changes: Partial<BackupPolicyRow> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.retention_count !== undefined ? { retention_count: input.retention_count } : {}),
      ...(retargeted ? { volume_ids: input.volume_ids ? JSON.stringify(input.volume_ids) : null, label_selector: input.label_selector ?? null } : {}),
      schedule,
      enabled,
      updated_at: storedTime(now),
    };
    // A new schedule, or a policy switched back on, starts from now: no stale slot fires.
    if (input.schedule !== undefined || (enabled === 1 && row.enabled === 0)) changes.next_run_at = storedTime(nextSlot(schedule, now));
    const policy = present({ ...row, ...changes });
    await inTransaction(this.context.db, async (trx) => {
      await new BackupPoliciesStore(trx).update(caller.accountId, id, changes);
      await this.context.events.record(trx, caller, 'backup_policy.updated', id, policy);
    });
    return policy;
  }

  /** A new name; the schedule and targets stay as they are (PUT changes those). Names may repeat. */
  async patch(caller: Caller, id: string, patch: { name?: string }): Promise<BackupPolicy> {
    await this.owned(caller, id);
    await inTransaction(this.context.db, (trx) =>
      writePatch(trx, this.context, caller, { id, event: 'backup_policy.updated', labelled: false, save: (t, changes, at) => new BackupPoliciesStore(t).update(caller.accountId, id, { ...changes, updated_at: at }) }, patch),
    );
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await inTransaction(this.context.db, async (trx) => {
      if (!(await new BackupPoliciesStore(trx).remove(caller.accountId, id))) throw notFound(`Backup policy ${id}`);
      await this.context.events.record(trx, caller, 'backup_policy.deleted', id, {});
    });
  }

  private async owned(caller: AuthContext, id: string): Promise<BackupPolicyRow> {
    const row = await new BackupPoliciesStore(this.context.db).find(caller.accountId, id);
    if (!row) throw notFound(`Backup policy ${id}`);
    return row;
  }

  /** Exactly one of volume_ids (each the caller's) and label_selector (well-formed). */
  private async validateTargets(caller: AuthContext, input: BackupPolicyInput): Promise<void> {
    if ((input.volume_ids === undefined) === (input.label_selector === undefined)) {
      throw invalidRequest('Invalid targets', [{ field: 'volume_ids', message: 'Give exactly one of volume_ids and label_selector' }]);
    }
    if (input.label_selector !== undefined) {
      parseLabelSelector(input.label_selector);
      return;
    }
    const ids = input.volume_ids as string[];
    const known = await ownedVolumeIds(this.context.db, caller.accountId, ids);
    const problems = ids.flatMap((id, i) => (known.has(id) ? [] : [{ field: `volume_ids[${i}]`, message: `Unknown volume ${id}` }]));
    if (problems.length > 0) throw validationFailed(problems);
  }
}

function present(row: BackupPolicyRow): BackupPolicy {
  return {
    id: row.id,
    name: row.name,
    schedule: row.schedule,
    retention_count: row.retention_count,
    volume_ids: row.volume_ids === null ? null : (JSON.parse(row.volume_ids) as string[]),
    label_selector: row.label_selector,
    enabled: row.enabled === 1,
    next_run_at: apiTime(row.next_run_at),
    last_run_at: apiTime(row.last_run_at),
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
