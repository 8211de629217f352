// Runs host tools with execFile: arguments go to the program as a list, never through a shell, so
// nothing a user typed (names, user_data) can become a command.
import { execFile } from 'node:child_process';
import { DriverError } from '../compute-driver.js';

export interface RunOptions {
  /** Written to the program's standard input. */
  input?: string;
  timeoutMs?: number;
}

/** Runs `file` with `args`; resolves with its stdout, or throws a DriverError carrying its stderr. */
export function run(file: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new DriverError(`${file} ${args.join(' ')} failed: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
    // A program that exits without reading its input must not crash us with EPIPE.
    child.stdin?.on('error', () => undefined);
    if (options.input === undefined) child.stdin?.end();
    else child.stdin?.end(options.input);
  });
}

/** True when the command exits 0 (used for "does this exist" probes). */
export async function succeeds(file: string, args: readonly string[]): Promise<boolean> {
  try {
    await run(file, args);
    return true;
  } catch {
    return false;
  }
}
