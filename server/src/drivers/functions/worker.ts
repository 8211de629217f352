// One warm worker: a runtime process (its own process group) running a bootstrap shim in a private
// copy of one function version's source, taking one invocation at a time over fd 3. Its stdout and
// stderr are the invocation's logs. Killing it kills the whole group and removes its directory, so
// a timeout, an out-of-memory death or a shutdown leaves no process and no temp dir behind.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DeployFailure, FunctionSpec, InvocationOutcome } from '../function-driver.js';
import { LogCollector } from './log-collector.js';

/** The command that starts the bootstrap, as a driver builds it (sim: plain; linux: inside namespaces). */
export interface Launch {
  file: string;
  args: string[];
  /** Undoes what the launch set up outside the process (a cgroup), once it has exited. */
  cleanup?: () => Promise<void>;
}

/** How long a handler may take to load, beyond the function's own timeout. */
const LOAD_GRACE_MS = 10_000;

interface Reply {
  ready?: boolean;
  ok?: boolean;
  result?: unknown;
  error?: string | { type: 'handler_error' | 'invalid_result' | 'out_of_memory'; message: string };
}

export class FunctionWorker {
  private readonly replies: ((reply: Reply) => void)[] = [];
  private killedByUs = false;
  private current: LogCollector | null = null;
  /** Why the process ended, once it has. */
  private ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    dir: string,
    launch: Launch,
  ) {
    this.exited = new Promise((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.ended) return;
        this.ended = { code, signal };
        for (const waiter of this.replies.splice(0)) waiter({});
        void fs
          .rm(dir, { recursive: true, force: true })
          .then(() => launch.cleanup?.())
          .finally(resolve);
      };
      child.once('exit', done);
      child.once('error', () => done(null, null));
    });
    const channel = child.stdio[3] as Socket;
    let buffered = '';
    channel.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        this.replies.shift()?.(JSON.parse(line) as Reply);
      }
    });
    channel.on('error', () => undefined);
    child.stdout?.on('data', (chunk: Buffer) => this.current?.add('stdout', chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.current?.add('stderr', chunk));
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** Copies the source, starts the process and waits for the handler to load: the worker, or why it did not load. */
  static async start(spec: FunctionSpec, launch: (workDir: string) => Promise<Launch>): Promise<FunctionWorker | DeployFailure> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnx-fn-'));
    const code = path.join(dir, 'code');
    let started: Launch;
    try {
      await fs.cp(spec.sourceDir, code, { recursive: true });
      started = await launch(code);
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      // A launch the driver refuses is an answer, like a handler that does not load.
      return { message: (error as Error).message };
    }
    const child = spawn(started.file, started.args, { cwd: code, env: spec.environment, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    const worker = new FunctionWorker(child, dir, started);
    const stderr = new LogCollector();
    worker.current = stderr;
    const timer = setTimeout(() => void worker.kill(), spec.timeoutS * 1000 + LOAD_GRACE_MS);
    const ready = await worker.reply();
    clearTimeout(timer);
    worker.current = null;
    if (ready.ready) return worker;
    await worker.kill();
    const message = typeof ready.error === 'string' ? ready.error : stderr.text().trim() || `The runtime exited before the handler loaded (${worker.why()})`;
    return { message };
  }

  async invoke(event: unknown, timeoutS: number): Promise<InvocationOutcome> {
    const logs = new LogCollector();
    this.current = logs;
    const started = performance.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.kill();
    }, timeoutS * 1000);
    const replied = this.reply();
    (this.child.stdio[3] as Socket).write(`${JSON.stringify({ event })}\n`);
    const reply = await replied;
    // The reply comes on its own channel: wait for the END marks, so both streams are complete.
    if (reply.ok !== undefined) await Promise.race([logs.complete, this.exited]);
    clearTimeout(timer);
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    this.current = null;
    const outcome = (status: InvocationOutcome['status'], error: InvocationOutcome['error'], result: unknown = null): InvocationOutcome => ({ status, result, error, durationMs, logs: logs.text() });
    if (timedOut) return outcome('timeout', { type: 'timeout', message: `The function timed out after ${timeoutS} s` });
    if (reply.ok) return outcome('success', null, reply.result ?? null);
    if (typeof reply.error === 'object') return outcome('error', reply.error);
    // No reply: the process died during the invocation.
    await this.exited;
    if (this.outOfMemory(logs.text())) return outcome('error', { type: 'out_of_memory', message: 'The function ran out of memory and was stopped' });
    return outcome('error', { type: 'runtime_exited', message: `The runtime exited during the invocation (${this.why()})` });
  }

  /** Kills the process group and waits until the worker's directory is gone. */
  async kill(): Promise<void> {
    if (this.alive && this.child.pid !== undefined) {
      this.killedByUs = true;
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    (this.child.stdio[3] as Socket | null)?.destroy();
    await this.exited;
  }

  private reply(): Promise<Reply> {
    if (!this.alive) return Promise.resolve({});
    return new Promise((resolve) => this.replies.push(resolve));
  }

  /** V8's fatal heap message, Python's MemoryError, or a SIGKILL we did not send (the kernel's OOM killer, a cgroup's memory.max). */
  private outOfMemory(logs: string): boolean {
    return /heap out of memory|MemoryError/.test(logs) || (this.ended?.signal === 'SIGKILL' && !this.killedByUs);
  }

  private why(): string {
    return this.ended?.signal ? `signal ${this.ended.signal}` : `exit code ${this.ended?.code ?? 'unknown'}`;
  }
}
