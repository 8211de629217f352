// Invoking a function: the concurrency limits (the function's max_concurrency and the tier's
// function_concurrency) are checked against what this process runs (running.ts), then the driver
// runs the event. A sync invoke writes its row once, with the outcome; an async one writes it
// `running`, answers 202 at once, and fills in the outcome when it comes.
import { apiTime, storedTime, type Clock } from '../../clock.js';
import type { FunctionDriver, InvocationErrorType, InvocationOutcome } from '../../drivers/function-driver.js';
import { apiError, notFound } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { checkConcurrency } from '../accounts/quotas.js';
import { RUNNING_INVOCATIONS } from './running.js';
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
    // Counted in before the checks, so two invokes racing cannot both take the last place.
    const leave = RUNNING_INVOCATIONS.enter(caller.accountId, id);
    try {
      const running = RUNNING_INVOCATIONS.ofFunction(id) - 1;
      if (running >= fn.max_concurrency) {
        throw apiError('concurrency_limited', 'Too many invocations at once', [{ field: 'max_concurrency', message: `${running} of ${fn.max_concurrency} invocations of this function are running` }]);
      }
      await checkConcurrency(this.context.database.db, caller.accountId, RUNNING_INVOCATIONS.of(caller.accountId) - 1);
    } catch (error) {
      leave();
      throw error;
    }
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
    const run = () => specOf(this.context.database.db, fn, this.uses.sources).then((spec) => this.uses.driver.invoke(spec, event)).finally(leave);
    const store = new InvocationsStore(this.context.database.db);
    if (!background) {
      // One write, once the outcome is known: a sync invoke costs a single commit.
      const done = { ...row, ...outcomeColumns(await run(), this.context.clock) };
      await store.insert(done);
      return present(done);
    }
    try {
      await store.insert(row);
    } catch (error) {
      leave();
      throw error;
    }
    void run()
      .then((outcome) => store.finish(row.id, outcomeColumns(outcome, this.context.clock)))
      .catch((error: unknown) => this.context.log.error({ err: error, invocation: row.id }, 'async invocation failed'));
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
}

/** The columns an outcome fills in. */
function outcomeColumns(outcome: InvocationOutcome, clock: Clock) {
  return {
    status: outcome.status,
    result: JSON.stringify(outcome.result),
    error: outcome.error ? JSON.stringify(outcome.error) : null,
    logs: outcome.logs,
    duration_ms: outcome.durationMs,
    billed_ms: Math.max(1, Math.ceil(outcome.durationMs)),
    finished_at: storedTime(clock()),
  };
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
