// The instance state machine: which operations are allowed from which status, what the instance
// shows while the operation runs, and what it becomes when the operation ends.
import type { Transition } from '../actions/operations.js';
import { ApiError } from '../../errors/api-error.js';
import { apiError } from '../../errors/catalog.js';

export const INSTANCE_STATUSES = ['provisioning', 'running', 'stopped', 'rebooting', 'resizing', 'rebuilding', 'deleting'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const INSTANCE_ACTIONS = ['create', 'restart', 'stop', 'shutdown', 'power_cycle', 'start', 'resize', 'snapshot', 'rebuild', 'delete'] as const;
export type InstanceActionType = (typeof INSTANCE_ACTIONS)[number];
export type InstanceOperation = Exclude<InstanceActionType, 'create'>;

// Resize has no `after`: it keeps the power state it started from. Delete removes the instance
// (its handler says so). There is no "stopping" status: a stop or a graceful shutdown keeps
// `running` until the machine is off. A power cycle is a stop and a start in one action. A snapshot
// keeps the status it has (the instance is busy meanwhile); a rebuild, like a resize, goes back to
// the power state it started from, on a fresh disk.
export const TRANSITIONS: Record<InstanceOperation, Transition<InstanceStatus>> = {
  restart: { from: ['running'], during: 'rebooting', after: 'running', message: 'Restart initiated successfully' },
  stop: { from: ['running'], during: null, after: 'stopped', message: 'Stop initiated successfully' },
  shutdown: { from: ['running'], during: null, after: 'stopped', message: 'Shutdown initiated successfully' },
  power_cycle: { from: ['running'], during: 'rebooting', after: 'running', message: 'Power cycle initiated successfully' },
  start: { from: ['stopped'], during: null, after: 'running', message: 'Start initiated successfully' },
  resize: { from: ['running', 'stopped'], during: 'resizing', message: 'Resize initiated successfully' },
  snapshot: { from: ['running', 'stopped'], during: null, message: 'Snapshot initiated successfully' },
  rebuild: { from: ['running', 'stopped'], during: 'rebuilding', message: 'Rebuild initiated successfully' },
  delete: { from: ['running', 'stopped'], during: 'deleting', message: 'Deletion initiated successfully' },
};

/** Why `operation` cannot start from `status` while the instance is idle: a 409 saying so. */
export function illegalTransition(operation: InstanceOperation, status: string): ApiError {
  if ((operation === 'stop' || operation === 'shutdown') && status === 'stopped') return apiError('already_in_state', 'Instance is already stopped');
  if (operation === 'start' && status === 'running') return apiError('already_in_state', 'Instance is already running');
  return apiError('invalid_state', `Cannot ${operation} an instance that is ${status}`);
}
