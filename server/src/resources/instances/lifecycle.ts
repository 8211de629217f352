// The instance state machine: which operations are allowed from which status, what the instance
// shows while the operation runs, and what it becomes when the operation ends.
import { ApiError } from '../../http/errors.js';

export const INSTANCE_STATUSES = ['provisioning', 'running', 'stopped', 'rebooting', 'resizing', 'deleting'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const INSTANCE_ACTIONS = ['create', 'restart', 'stop', 'start', 'resize', 'delete'] as const;
export type InstanceActionType = (typeof INSTANCE_ACTIONS)[number];
export type InstanceOperation = Exclude<InstanceActionType, 'create'>;

interface Transition {
  /** Statuses the operation may start from. */
  from: readonly InstanceStatus[];
  /** Shown while it runs; null keeps the current status (there is no "stopping" status). */
  during: InstanceStatus | null;
  /** The status on success: a fixed one, or the one it had before (resize keeps the power state). */
  after: InstanceStatus | 'previous' | 'gone';
  message: string;
}

export const TRANSITIONS: Record<InstanceOperation, Transition> = {
  restart: { from: ['running'], during: 'rebooting', after: 'running', message: 'Restart initiated successfully' },
  stop: { from: ['running'], during: null, after: 'stopped', message: 'Stop initiated successfully' },
  start: { from: ['stopped'], during: null, after: 'running', message: 'Start initiated successfully' },
  resize: { from: ['running', 'stopped'], during: 'resizing', after: 'previous', message: 'Resize initiated successfully' },
  delete: { from: ['running', 'stopped'], during: 'deleting', after: 'gone', message: 'Deletion initiated successfully' },
};

/** Why `operation` cannot start from `status` while the instance is idle: a 409 saying so. */
export function illegalTransition(operation: InstanceOperation, status: string): ApiError {
  if (operation === 'stop' && status === 'stopped') return ApiError.conflict('Instance is already stopped');
  if (operation === 'start' && status === 'running') return ApiError.conflict('Instance is already running');
  return ApiError.conflict(`Cannot ${operation} an instance that is ${status}`);
}
