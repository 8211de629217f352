// The sim driver's functions: the real code in a child process of the installed runtime, as its own
// process group with only the function's environment, its memory capped by the runtime (see
// runtimeCommand). An emulator, not a security boundary: the code runs as the server's user, with
// the host's network.
import type { FunctionDriver } from '../function-driver.js';
import { probeRuntimes } from '../functions/runtimes.js';
import { WarmPool } from '../functions/warm-pool.js';

export function simFunctionDriver(): FunctionDriver {
  return new WarmPool(probeRuntimes(), async (_spec, [file, ...args]) => ({ file: file as string, args }));
}
