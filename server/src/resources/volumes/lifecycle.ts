// The volume state machine, in the same shape as the instance one.
import type { Transition } from '../actions/operations.js';
import { ApiError } from '../../errors/api-error.js';
import { apiError } from '../../errors/catalog.js';

export const VOLUME_STATUSES = ['creating', 'available', 'attached', 'deleting'] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];
export const FILESYSTEMS = ['ext4', 'xfs', 'none'] as const;
export const ATTACHMENT_STATES = ['attached', 'detached'] as const;

export type VolumeOperation = 'attach' | 'detach' | 'resize' | 'delete';

export const VOLUME_TRANSITIONS: Record<VolumeOperation, Transition<VolumeStatus>> = {
  attach: { from: ['available'], during: null, after: 'attached', message: 'Attach initiated successfully' },
  detach: { from: ['attached'], during: null, after: 'available', message: 'Detach initiated successfully' },
  resize: { from: ['available', 'attached'], during: null, message: 'Resize initiated successfully' },
  delete: { from: ['available'], during: 'deleting', message: 'Deletion initiated successfully' },
};

export function illegalVolumeTransition(operation: VolumeOperation, status: string, instanceId: string | null): ApiError {
  if (operation === 'attach' && status === 'attached') return apiError('already_in_state', `Volume is already attached to ${instanceId}`);
  if (operation === 'detach' && status === 'available') return apiError('already_in_state', 'Volume is not attached');
  if (operation === 'delete' && status === 'attached') return apiError('has_dependents', `Volume is attached to ${instanceId}; detach it first`);
  return apiError('invalid_state', `Cannot ${operation} a volume that is ${status}`);
}
