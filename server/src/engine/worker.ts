// The worker loop every node runs: claim due actions under a lease, run them, record the outcome.
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { storedTime, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { DriverError } from '../drivers/compute-driver.js';
import { handlerKey, type ActionHandlers } from './action-handler.js';
import { ActionsQueue, claimDueActions, type ActionRow } from './actions-queue.js';

/** Driver failures tolerated before an action is marked errored. */
export const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 250;

class LostLease extends Error {}

export class Worker {
  /** Identifies this process's leases. */
  readonly owner = `wrk_${randomBytes(6).toString('hex')}`;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private ticking = false;

  constructor(
    private readonly database: Database,
    private readonly handlers: ActionHandlers,
    private readonly settings: Config['worker'],
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now instead of at the next poll (called when an action is enqueued). */
  poke(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops claiming, lets running actions finish, and hands back any leases still held. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
    await new ActionsQueue(this.database.db).releaseAll(this.owner);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      const free = this.settings.concurrency - this.running.size;
      if (free > 0) {
        const now = this.clock();
        const claimed = await claimDueActions(this.database, this.owner, storedTime(now), storedTime(now + this.settings.leaseMs), free);
        for (const action of claimed) this.track(this.run(action));
      }
    } catch (error) {
      this.log.error({ err: error }, 'claiming actions failed');
    } finally {
      this.ticking = false;
      if (!this.stopped) this.schedule(this.settings.pollMs);
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => {
      this.running.delete(work);
      this.poke();
    });
  }

  private async run(action: ActionRow): Promise<void> {
    const handler = this.handlers[handlerKey(action)];
    try {
      if (!handler) throw new DriverError(`no handler for ${handlerKey(action)} actions`, false);
      const result = await handler.perform(action);
      await this.finish(action, 'completed', null, (trx) => handler.succeed(trx, action, result));
    } catch (error) {
      if (error instanceof LostLease) return;
      await this.failed(action, error).catch((recordError: unknown) => {
        // The lease will expire and another attempt will be made; nothing is lost.
        this.log.error({ err: recordError, actionId: action.id }, 'recording an action failure failed');
      });
    }
  }

  private async failed(action: ActionRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const retryable = error instanceof DriverError ? error.retryable : false;
    if (!(error instanceof DriverError)) this.log.error({ err: error, actionId: action.id }, 'action failed unexpectedly');
    if (retryable && action.attempts + 1 < MAX_ATTEMPTS) {
      const backoff = BACKOFF_BASE_MS * 2 ** action.attempts * (1 + Math.random());
      await new ActionsQueue(this.database.db).retryLater(action.id, this.owner, storedTime(this.clock() + backoff), message);
      return;
    }
    const handler = this.handlers[handlerKey(action)];
    await this.finish(action, 'errored', message, (trx) => handler?.fail(trx, action, message) ?? Promise.resolve());
  }

  /** Marks the action finished and applies its effect in one transaction, if this worker still holds it. */
  private async finish(action: ActionRow, status: 'completed' | 'errored', error: string | null, apply: (trx: Database['db']) => Promise<void>): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      const held = await new ActionsQueue(trx).finish(action.id, this.owner, status, storedTime(this.clock()), error);
      if (!held) throw new LostLease();
      await apply(trx);
    });
  }
}
