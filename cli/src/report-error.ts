import { ActionFailedError, APIConnectionError, APIError } from '@cloudnexus/sdk';
import { CommanderError } from 'commander';
import { CliError } from './cli-error.js';
import { ExitCode, exitCodeForStatus } from './exit-codes.js';

/**
 * Turns any failure into one line for stderr and the exit code of its class. One line, because a
 * script's log should show what went wrong and the request id to quote to support, not a stack.
 */
export function describeError(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (unknown option, missing argument…).
    return { line: '', exitCode: error.exitCode === 0 ? ExitCode.ok : ExitCode.usage };
  }
  if (error instanceof CliError) return { line: `Error: ${error.message}`, exitCode: error.exitCode };
  if (error instanceof ActionFailedError) {
    const { action } = error;
    return {
      line: `Error: action ${action.id} (${action.type} of ${action.resource_id}) errored: ${action.error ?? 'no reason given'}`,
      exitCode: ExitCode.actionFailed,
    };
  }
  if (error instanceof APIConnectionError) return { line: `Error: ${error.message}`, exitCode: ExitCode.unavailable };
  if (error instanceof APIError) {
    const details = (error.details ?? []).map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    const request = error.request_id ? ` (request ${error.request_id})` : '';
    return {
      line: `Error ${error.status}: ${error.message}${details ? ` — ${details}` : ''}${request}`,
      exitCode: exitCodeForStatus(error.status ?? 500),
    };
  }
  return { line: `Error: ${error instanceof Error ? error.message : String(error)}`, exitCode: ExitCode.failure };
}
