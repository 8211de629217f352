// What other modules may read of functions: the invocations running in this process (accounts
// shows them against the tier's function_concurrency).
import { RUNNING_INVOCATIONS } from './running.js';

export const runningInvocationsOf = (accountId: string): number => RUNNING_INVOCATIONS.of(accountId);
