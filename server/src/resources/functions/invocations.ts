// Invoking a function: a `running` row is written first, inside the transaction that checks the
// concurrency limits (the account's tier and the function's own, counted from those rows, so every
// node sees the same count), then the driver runs the event and the row gets the outcome. A sync
// invoke answers with it; an async one answers 202 at once and the row is read later.
import { apiTime, storedTime } from '../../clock.js';
import type { FunctionDriver, InvocationErrorType, InvocationOutcome } from '../../drivers/function-driver.js';
import { apiError, notFound } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { checkQuota } from '../accounts/quotas.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Context } from '../module.js';
import type { FunctionsService } from './service.js';
import type { FunctionSources } from './sources.js';
import { specOf } from './spec.js';
import { InvocationsStore, type InvocationRow } from './invocations-store.js';
import { INVOCATION_STATUSES } from './schema.js';

/** The longest an invocation can run (timeout_s at most 300) and then some: a row still running after this was lost. */
const LOST_AFTER_MS = 310_000;

export type Invocation = ReturnType<typeof present>;

export class InvocationsService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'database' | 'log'>,
    private readonly uses: { functions: FunctionsService; driver: FunctionDriver; sources: FunctionSources },
  ) {}

  async invoke(caller: AuthContext, id: string, event: unknown, background: boolean): Promise<Invocation> {
    const fn = await this.uses.functions.owned(caller, id);
    if (fn.status !== 'active') throw apiError('invalid_state', `Cannot invoke a function that is ${fn.status}`);
    const row: InvocationRow = {
      id: newId('inv'),
      account_id: caller.accountId,
      function_id: id,
      version: fn.version,
      status: 'running',
      result: null,
      error: null,
      logs: '',
      duration_ms: null,
      billed_ms: null,
      created_at: storedTime(this.context.clock()),
      finished_at: null,
    };
    await this.context.database.db.transaction().execute(async (trx) => {
      await checkQuota(trx, this.context.database.kind, caller.accountId, { function_concurrency: 1 }, 'concurrency_limited');
      const running = await new InvocationsStore(trx).running(caller.accountId, id);
      if (running.fn >= fn.max_concurrency) {
        throw apiError('concurrency_limited', 'Too many invocations at once', [{ field: 'max_concurrency', message: `${running.fn} of ${fn.max_concurrency} invocations of this function are running` }]);
      }
      await new InvocationsStore(trx).insert(row);
    });
    const done = this.uses.driver.invoke(specOf(fn, this.uses.sources), event).then((outcome) => this.finish(row, outcome));
    if (!background) return done;
    done.catch((error: unknown) => this.context.log.error({ err: error, invocation: row.id }, 'async invocation failed'));
    return present(row);
  }

  async list(caller: AuthContext, id: string, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Invocation>> {
    await this.uses.functions.owned(caller, id);
    const request = cursors.request(`function_invocations:${id}`, query);
    const rows = await new InvocationsStore(this.context.database.db).list(id, request);
    return cursors.page(`function_invocations:${id}`, request, rows, (r) => [r.created_at, r.id], present);
  }

  async get(caller: AuthContext, id: string, invocationId: string): Promise<Invocation> {
    await this.uses.functions.owned(caller, id);
    const row = await new InvocationsStore(this.context.database.db).find(id, invocationId);
    if (!row) throw notFound(`Invocation ${invocationId}`);
    return present(row);
  }

  /** Ends the invocations a stopped node left `running` (periodic), so they stop counting against the limits. */
  async abandonLost(): Promise<void> {
    const now = this.context.clock();
    await new InvocationsStore(this.context.database.db).abandon(storedTime(now - LOST_AFTER_MS), storedTime(now));
  }

  private async finish(row: InvocationRow, outcome: InvocationOutcome): Promise<Invocation> {
    const outcomeColumns = {
      status: outcome.status,
      result: JSON.stringify(outcome.result),
      error: outcome.error ? JSON.stringify(outcome.error) : null,
      logs: outcome.logs,
      duration_ms: outcome.durationMs,
      billed_ms: Math.max(1, Math.ceil(outcome.durationMs)),
      finished_at: storedTime(this.context.clock()),
    };
    await new InvocationsStore(this.context.database.db).finish(row.id, outcomeColumns);
    return present({ ...row, ...outcomeColumns });
  }
}

function present(row: InvocationRow) {
  return {
    id: row.id,
    function_id: row.function_id,
    version: row.version,
    status: row.status as (typeof INVOCATION_STATUSES)[number],
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error === null ? null : (JSON.parse(row.error) as { type: InvocationErrorType; message: string }),
    duration_ms: row.duration_ms,
    billed_ms: row.billed_ms,
    logs: row.logs,
    created_at: apiTime(row.created_at),
    finished_at: apiTime(row.finished_at),
  };
}
