// What the engine and the functions service ask of a serverless runtime backend. Both backends run
// the function's real code in a child process of the installed runtime (`node`, `python3`) with a
// bootstrap shim (drivers/functions/) that loads the handler and answers over a pipe; `sim` runs it
// as a plain process group (an emulator, not a security boundary), `linux` inside namespaces and a
// cgroup. A warm worker per function version takes one invocation at a time.

/** A runtime installed on the host, probed at startup: `nodejs20`, `python3.11`… */
export interface FunctionRuntime {
  id: string;
  language: 'nodejs' | 'python';
  /** The interpreter's own version string (`v20.20.2`, `3.11.7`). */
  version: string;
}

export interface FunctionSpec {
  functionId: string;
  version: number;
  runtime: string;
  /** `<module>.<export>`: `index.handler` loads `index.js` / `index.mjs` / `index.py`. */
  handler: string;
  memoryMb: number;
  timeoutS: number;
  /** The whole environment the function sees. */
  environment: Record<string, string>;
  /** The unpacked source of this version (read only: each worker runs in a copy). */
  sourceDir: string;
  /** The VPC network the function's workers join, with the address it holds there (linux driver); null: loopback only. */
  network: { id: string; vpcId: string; ipRange: string; ipv4: string } | null;
}

export const INVOCATION_ERROR_TYPES = ['handler_error', 'timeout', 'out_of_memory', 'runtime_exited', 'invalid_result'] as const;
export type InvocationErrorType = (typeof INVOCATION_ERROR_TYPES)[number];

export interface InvocationOutcome {
  status: 'success' | 'error' | 'timeout';
  /** What the handler returned (JSON), null unless status is success. */
  result: unknown;
  error: { type: InvocationErrorType; message: string } | null;
  durationMs: number;
  /** The function's stdout and stderr during this invocation, capped (see LOGS_CAP_BYTES). */
  logs: string;
}

/** Why a deploy did not take: the loader's message (a missing module or handler, a syntax error). */
export interface DeployFailure {
  message: string;
}

export interface FunctionDriver {
  runtimes(): readonly FunctionRuntime[];
  /** Loads the handler in a fresh worker (kept warm for invocations); a load failure is an answer, not a throw. */
  deploy(spec: FunctionSpec): Promise<DeployFailure | null>;
  invoke(spec: FunctionSpec, event: unknown): Promise<InvocationOutcome>;
  /** Stops every worker of the function (all versions), e.g. on delete or redeploy. */
  retire(functionId: string, keepVersion?: number): Promise<void>;
  /** Stops every worker (server shutdown). */
  close(): Promise<void>;
}
