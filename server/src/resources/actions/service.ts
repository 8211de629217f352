// Actions: the record of every async operation, and how new ones are queued.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import type { Cursors, Page } from '../../http/pagination.js';
import type { ActionStatus } from './schema.js';
import { ActionsStore, type ActionFilters, type ActionRow } from './store.js';
import { notFound } from '../../errors/catalog.js';

export interface Action {
  id: string;
  type: string;
  status: ActionStatus;
  resource_id: string;
  resource_type: string;
  started_at: string;
  completed_at: string | null;
  error: string | null;
}

export interface NewAction {
  accountId: string;
  type: string;
  resourceType: string;
  resourceId: string;
  params?: Record<string, unknown>;
}

export class ActionsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** A new id, so a resource can name its action before the action row is written. */
  static newId(): string {
    return newId('act');
  }

  /** Queues an action inside the caller's transaction; workers pick it up once it commits. */
  async enqueue(trx: Db, action: NewAction, id = ActionsService.newId()): Promise<Action> {
    const now = storedTime(this.clock());
    const row: ActionRow = {
      id,
      account_id: action.accountId,
      type: action.type,
      status: 'in-progress',
      resource_type: action.resourceType,
      resource_id: action.resourceId,
      params: JSON.stringify(action.params ?? {}),
      error: null,
      attempts: 0,
      lease_owner: null,
      lease_expires_at: null,
      run_after: now,
      started_at: now,
      completed_at: null,
    };
    await new ActionsStore(trx).insert(row);
    return present(row);
  }

  async get(accountId: string, id: string): Promise<Action> {
    const row = await new ActionsStore(this.db).find(accountId, id);
    if (!row) throw notFound(`Action ${id}`);
    return present(row);
  }

  async list(accountId: string, filters: ActionFilters, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Action>> {
    const request = cursors.request('actions', query);
    const rows = await new ActionsStore(this.db).list(accountId, filters, request);
    return cursors.page('actions', request, rows, (r) => [r.started_at, r.id], present);
  }
}

function present(row: ActionRow): Action {
  return {
    id: row.id,
    type: row.type,
    status: row.status as ActionStatus,
    resource_id: row.resource_id,
    resource_type: row.resource_type,
    started_at: apiTime(row.started_at),
    completed_at: apiTime(row.completed_at),
    // While an action is still being retried, the last failure is kept but not shown.
    error: row.status === 'errored' ? row.error : null,
  };
}
