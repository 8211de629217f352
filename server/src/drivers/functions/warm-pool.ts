// The workers of every function version, shared by the sim and linux drivers (which differ only in
// how a worker is launched). An invocation takes an idle worker of its version, or starts one (the
// cold path); a worker that timed out or died is not reused. Idle workers go after IDLE_MS, and a
// redeploy or delete retires the function's other versions at once.
import { fileURLToPath } from 'node:url';
import type { DeployFailure, FunctionDriver, FunctionRuntime, FunctionSpec, InvocationOutcome } from '../function-driver.js';
import type { InstalledRuntime } from './runtimes.js';
import { FunctionWorker, type Launch } from './worker.js';

const IDLE_MS = 5 * 60_000;
const MIB = 1024 * 1024;

/** The shims, read from the source tree (they are not compiled), from src/ or dist/ alike. */
export const BOOTSTRAP = {
  nodejs: fileURLToPath(new URL('../../../src/drivers/functions/bootstrap.mjs', import.meta.url)),
  python: fileURLToPath(new URL('../../../src/drivers/functions/bootstrap.py', import.meta.url)),
};

/**
 * The plain command of a worker: the interpreter with its memory cap (V8's heap limit for Node, an
 * RLIMIT_AS the Python shim sets on itself) and the shim.
 */
export function runtimeCommand(runtime: InstalledRuntime, spec: FunctionSpec): string[] {
  if (runtime.language === 'nodejs') return [runtime.executable, `--max-old-space-size=${spec.memoryMb}`, BOOTSTRAP.nodejs, spec.handler];
  return [runtime.executable, '-u', BOOTSTRAP.python, spec.handler, String(spec.memoryMb * MIB)];
}

/** How a driver starts a worker for `spec` in `workDir`. */
export type Launcher = (spec: FunctionSpec, command: string[], workDir: string) => Promise<Launch>;

interface Idle {
  worker: FunctionWorker;
  timer: NodeJS.Timeout;
}

export class WarmPool implements FunctionDriver {
  private readonly idle = new Map<string, Idle[]>();
  private readonly all = new Map<string, Set<FunctionWorker>>();
  /** Versions a redeploy replaced: their busy workers finish their invocation, then go. */
  private readonly retiring = new Set<string>();

  constructor(
    private readonly installed: readonly InstalledRuntime[],
    private readonly launcher: Launcher,
  ) {}

  runtimes(): readonly FunctionRuntime[] {
    return this.installed.map(({ id, language, version }) => ({ id, language, version }));
  }

  async deploy(spec: FunctionSpec): Promise<DeployFailure | null> {
    const started = await this.start(spec);
    if (!(started instanceof FunctionWorker)) return started;
    this.release(spec, started);
    await this.retire(spec.functionId, spec.version);
    return null;
  }

  async invoke(spec: FunctionSpec, event: unknown): Promise<InvocationOutcome> {
    const worker = this.take(spec) ?? (await this.start(spec));
    if (!(worker instanceof FunctionWorker)) {
      return { status: 'error', result: null, error: { type: 'runtime_exited', message: worker.message }, durationMs: 0, logs: '' };
    }
    const outcome = await worker.invoke(event, spec.timeoutS);
    if (worker.alive) this.release(spec, worker);
    return outcome;
  }

  /** On delete (no `keepVersion`) every worker goes at once; on a redeploy the idle ones, and the busy ones once done. */
  async retire(functionId: string, keepVersion?: number): Promise<void> {
    const stopping: Promise<void>[] = [];
    for (const [key, workers] of this.all) {
      const [id, version] = key.split('@');
      if (id !== functionId || Number(version) === keepVersion) continue;
      for (const idle of this.idle.get(key) ?? []) {
        clearTimeout(idle.timer);
        stopping.push(idle.worker.kill());
      }
      this.idle.delete(key);
      if (keepVersion === undefined) for (const worker of workers) stopping.push(worker.kill());
      else this.retiring.add(key);
    }
    await Promise.all(stopping);
  }

  async close(): Promise<void> {
    const ids = new Set([...this.all.keys()].map((key) => key.split('@')[0] as string));
    await Promise.all([...ids].map((id) => this.retire(id)));
  }

  private async start(spec: FunctionSpec) {
    const runtime = this.installed.find((r) => r.id === spec.runtime);
    if (!runtime) return { message: `The runtime ${spec.runtime} is not installed on this host` };
    const command = runtimeCommand(runtime, spec);
    const started = await FunctionWorker.start(spec, (workDir) => this.launcher(spec, command, workDir));
    if (started instanceof FunctionWorker) {
      const key = keyOf(spec);
      const workers = this.all.get(key) ?? new Set();
      this.all.set(key, workers.add(started));
      void started.exited.then(() => {
        workers.delete(started);
        if (workers.size === 0 && this.all.get(key) === workers) {
          this.all.delete(key);
          this.retiring.delete(key);
        }
      });
    }
    return started;
  }

  private take(spec: FunctionSpec): FunctionWorker | null {
    const idle = this.idle.get(keyOf(spec));
    while (idle && idle.length > 0) {
      const next = idle.pop() as Idle;
      clearTimeout(next.timer);
      if (next.worker.alive) return next.worker;
    }
    return null;
  }

  private release(spec: FunctionSpec, worker: FunctionWorker): void {
    const key = keyOf(spec);
    if (this.retiring.has(key)) {
      void worker.kill();
      return;
    }
    const idle = this.idle.get(key) ?? [];
    const entry: Idle = {
      worker,
      timer: setTimeout(() => {
        const at = idle.indexOf(entry);
        if (at >= 0) idle.splice(at, 1);
        void worker.kill();
      }, IDLE_MS).unref(),
    };
    idle.push(entry);
    this.idle.set(key, idle);
  }
}

const keyOf = (spec: FunctionSpec) => `${spec.functionId}@${spec.version}`;
