// The function state machine, in the shape every resource's takes. A create deploys version 1
// (`deploying` → `active`, or `errored` with the loader's message); a PUT deploys the next version
// from either landing status.
import type { Transition } from '../actions/operations.js';
import type { FUNCTION_STATUSES } from './schema.js';

export type FunctionStatus = (typeof FUNCTION_STATUSES)[number];
export type FunctionOperation = 'deploy' | 'delete';

export const FUNCTION_TRANSITIONS: Record<FunctionOperation, Transition<FunctionStatus>> = {
  deploy: { from: ['active', 'errored'], during: 'deploying', message: 'Deploy initiated successfully', after: 'active' },
  delete: { from: ['active', 'errored'], during: 'deleting', message: 'Deletion initiated successfully' },
};
