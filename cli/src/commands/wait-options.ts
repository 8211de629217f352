import { type Command, InvalidArgumentError, Option } from 'commander';

export interface WaitFlags {
  wait?: boolean;
  waitTimeout?: number;
}

/** Adds `--wait` and `--wait-timeout` to an asynchronous operation. */
export function withWait(command: Command, what: string): Command {
  return command
    .option('--wait', `wait until ${what}`)
    .addOption(new Option('--wait-timeout <seconds>', 'give up waiting after this long (default 600)').argParser(parseSeconds));
}

/** The SDK's options for the flags: it polls the action with backoff when `wait` is set. */
export function sdkWaitOptions(flags: WaitFlags): { wait: boolean; waitTimeout?: number } {
  return { wait: Boolean(flags.wait), ...(flags.waitTimeout !== undefined ? { waitTimeout: flags.waitTimeout * 1000 } : {}) };
}

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
  return seconds;
}
