// Periodic engine tasks (backup schedules, webhook deliveries, event retention, firewall
// enforcement), each on its own timer, apart from the worker's claim loop: a poke that follows an
// enqueue only claims actions, and a slow task delays neither the queue nor the other tasks.
import type { FastifyBaseLogger } from 'fastify';

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Runs when the tasks stop, after the runs in flight have ended. */
  stop?: () => Promise<void>;
}

interface Scheduled extends PeriodicTask {
  timer: NodeJS.Timeout | null;
  /** The run in progress, if any: a task never overlaps itself. */
  running: Promise<void> | null;
}

export class PeriodicTasks {
  private readonly tasks: Scheduled[] = [];
  private stopped = true;

  constructor(private readonly log: FastifyBaseLogger) {}

  /** Runs the task when the tasks start, then `everyMs` after each run ends. */
  add(task: PeriodicTask): void {
    if (this.tasks.some((t) => t.name === task.name)) throw new Error(`Two periodic tasks are named "${task.name}"`);
    this.tasks.push({ ...task, timer: null, running: null });
  }

  /** One run of the named task now, beside its timer (tests drive schedules with it); its result. */
  async runNow(name: string): Promise<unknown> {
    const task = this.tasks.find((t) => t.name === name);
    if (!task) throw new Error(`No periodic task "${name}"`);
    return task.run();
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
    for (const task of this.tasks) await task.stop?.();
  }

  private schedule(task: Scheduled, delayMs: number): void {
    task.timer = setTimeout(() => {
      task.running = this.runOnce(task);
    }, delayMs);
    task.timer.unref();
  }

  private async runOnce(task: Scheduled): Promise<void> {
    try {
      await task.run();
    } catch (error) {
      // A failing task is logged on its own and tried again at its next interval.
      this.log.error({ err: error, task: task.name }, 'a periodic engine task failed');
    } finally {
      task.running = null;
      if (!this.stopped) this.schedule(task, task.everyMs);
    }
  }
}
