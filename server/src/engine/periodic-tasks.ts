// Periodic engine tasks (backup schedules, webhook deliveries, event retention, firewall
// enforcement), each on its own timer, apart from the worker's claim loop: a poke that follows an
// enqueue only claims actions, and a slow task delays neither the queue nor the other tasks.
import type { FastifyBaseLogger } from 'fastify';

interface PeriodicTask {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  timer: NodeJS.Timeout | null;
  /** The run in progress, if any: a task never overlaps itself. */
  running: Promise<void> | null;
}

export class PeriodicTasks {
  private readonly tasks: PeriodicTask[] = [];
  private readonly stopHooks: (() => Promise<void>)[] = [];
  private stopped = true;

  constructor(private readonly log: FastifyBaseLogger) {}

  /** Runs `run` when the tasks start, then `intervalMs` after each run ends. */
  every(intervalMs: number, name: string, run: () => Promise<unknown>): void {
    this.tasks.push({ name, intervalMs, run, timer: null, running: null });
  }

  /** Runs `hook` when the tasks stop, after the tasks' runs in flight have ended. */
  onStop(hook: () => Promise<void>): void {
    this.stopHooks.push(hook);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    for (const task of this.tasks) this.schedule(task, 0);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const task of this.tasks) if (task.timer) clearTimeout(task.timer);
    await Promise.allSettled(this.tasks.map((task) => task.running));
    for (const hook of this.stopHooks) await hook();
  }

  private schedule(task: PeriodicTask, delayMs: number): void {
    task.timer = setTimeout(() => {
      task.running = this.runOnce(task);
    }, delayMs);
    task.timer.unref();
  }

  private async runOnce(task: PeriodicTask): Promise<void> {
    try {
      await task.run();
    } catch (error) {
      // A failing task is logged on its own and tried again at its next interval.
      this.log.error({ err: error, task: task.name }, 'a periodic engine task failed');
    } finally {
      task.running = null;
      if (!this.stopped) this.schedule(task, task.intervalMs);
    }
  }
}
