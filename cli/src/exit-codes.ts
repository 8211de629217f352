// Exit codes are part of the CLI's contract: scripts branch on them, so each failure class keeps
// its number forever (README.md lists them).
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  conflict: 5,
  validation: 6,
  rateLimited: 7,
  unavailable: 8,
  actionFailed: 9,
  /** The shell's convention for a process ended by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Maps an API error's HTTP status to the exit code that names its class. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status === 409) return ExitCode.conflict;
  if (status === 400 || status === 422) return ExitCode.validation;
  if (status === 429) return ExitCode.rateLimited;
  if (status >= 500) return ExitCode.unavailable;
  return ExitCode.failure;
}
