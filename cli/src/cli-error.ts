import { ExitCode } from './exit-codes.js';

/** A failure the CLI itself detects (bad flags, missing login): printed as is, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
