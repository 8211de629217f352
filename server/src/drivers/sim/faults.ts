// Fault injection for the simulated drivers: tests make the next N operations of a kind fail, or
// hold an operation until they release it (a resource stays busy exactly as long as a test needs).
import { setTimeout as sleep } from 'node:timers/promises';
import { DriverError } from '../compute-driver.js';

export class SimFaults<Operation extends string> {
  private readonly pending = new Map<Operation, number>();
  private readonly holds = new Map<Operation, Promise<void>>();
  private readonly held = new Set<Operation>();

  /** The next `count` calls of `operation` fail (each retry counts as a call). */
  failNext(operation: Operation, count = 1): void {
    this.pending.set(operation, (this.pending.get(operation) ?? 0) + count);
  }

  /** Consumes one planned failure of `operation`, if any. */
  take(operation: Operation): boolean {
    const left = this.pending.get(operation) ?? 0;
    if (left === 0) return false;
    this.pending.set(operation, left - 1);
    return true;
  }

  /** Calls of `operation` wait until the returned function is called. */
  hold(operation: Operation): () => void {
    let release = () => {};
    this.holds.set(operation, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(operation);
      this.held.delete(operation);
      release();
    };
  }

  /** True once a call of the held `operation` waits on its hold (its action is mid-flight). */
  waiting(operation: Operation): boolean {
    return this.held.has(operation);
  }

  /** One simulated step: waits while held, takes `delayMs`, then fails if a test asked this operation to. */
  async step(operation: Operation, delayMs: number): Promise<void> {
    const hold = this.holds.get(operation);
    if (hold) {
      this.held.add(operation);
      await hold;
    }
    if (delayMs > 0) await sleep(delayMs);
    if (this.take(operation)) throw new DriverError(`simulated ${operation.replaceAll('_', ' ')} failure`);
  }
}
