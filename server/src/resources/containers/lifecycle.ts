// The container state machine: which operations are allowed from which status, what the
// container shows meanwhile, and what it becomes when the operation ends.
import type { Transition } from '../actions/operations.js';
import type { ApiError } from '../../errors/api-error.js';
import { apiError } from '../../errors/catalog.js';

export const CONTAINER_STATUSES = ['provisioning', 'running', 'stopped', 'restarting', 'deleting'] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

export type ContainerOperation = 'restart' | 'stop' | 'start' | 'delete';

export const TRANSITIONS: Record<ContainerOperation, Transition<ContainerStatus>> = {
  restart: { from: ['running'], during: 'restarting', after: 'running', message: 'Restart initiated successfully' },
  stop: { from: ['running'], during: null, after: 'stopped', message: 'Stop initiated successfully' },
  start: { from: ['stopped'], during: null, after: 'running', message: 'Start initiated successfully' },
  delete: { from: ['running', 'stopped'], during: 'deleting', message: 'Deletion initiated successfully' },
};

/** Why `operation` cannot start from `status` while the container is idle: a 409 saying so. */
export function illegalTransition(operation: ContainerOperation, status: string): ApiError {
  if (operation === 'stop' && status === 'stopped') return apiError('already_in_state', 'Container is already stopped');
  if (operation === 'start' && status === 'running') return apiError('already_in_state', 'Container is already running');
  return apiError('invalid_state', `Cannot ${operation} a container that is ${status}`);
}
