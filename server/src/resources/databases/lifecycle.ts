// The database state machine, in the same shape as the volume one. User changes and password
// resets take the database's action slot too, so the backend sees one change at a time.
import type { Transition } from '../actions/operations.js';
import { ApiError } from '../../errors/api-error.js';
import { apiError } from '../../errors/catalog.js';

export const DATABASE_STATUSES = ['provisioning', 'online', 'resizing', 'deleting'] as const;
export type DatabaseStatus = (typeof DATABASE_STATUSES)[number];
export const DATABASE_USER_STATUSES = ['creating', 'active', 'deleting'] as const;
export const BACKUP_STATUSES = ['creating', 'available', 'deleting'] as const;

export type DatabaseOperation = 'resize' | 'delete' | 'reset_password' | 'create_user' | 'delete_user';

/** Every operation starts from `online` (and no action running). */
export const DATABASE_TRANSITIONS: Record<DatabaseOperation, Transition<DatabaseStatus>> = {
  resize: { from: ['online'], during: 'resizing', message: 'Resize initiated successfully' },
  delete: { from: ['online'], during: 'deleting', message: 'Deletion initiated successfully' },
  reset_password: { from: ['online'], during: null, message: 'Password reset initiated successfully' },
  create_user: { from: ['online'], during: null, message: 'User creation initiated successfully' },
  delete_user: { from: ['online'], during: null, message: 'User deletion initiated successfully' },
};

export function busyOrNotOnline(status: string, actionId: string | null): ApiError {
  if (actionId !== null) return apiError('resource_busy', `Database is busy (${status}) with action ${actionId}; retry when it completes`);
  return apiError('invalid_state', `Database is ${status}; it must be online`);
}
