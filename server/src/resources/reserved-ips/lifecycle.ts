// The reserved IP state machine, in the same shape as the volume one. Assigning an assigned
// address is a move: it goes to the new instance in one action.
import type { Transition } from '../actions/operations.js';
import type { ApiError } from '../../errors/api-error.js';
import { apiError } from '../../errors/catalog.js';

export const RESERVED_IP_STATUSES = ['unassigned', 'assigned'] as const;
export type ReservedIpStatus = (typeof RESERVED_IP_STATUSES)[number];

export type ReservedIpOperation = 'assign' | 'unassign';

export const RESERVED_IP_TRANSITIONS: Record<ReservedIpOperation, Transition<ReservedIpStatus>> = {
  assign: { from: ['unassigned', 'assigned'], during: null, after: 'assigned', message: 'Assign initiated successfully' },
  unassign: { from: ['assigned'], during: null, after: 'unassigned', message: 'Unassign initiated successfully' },
};

export function illegalReservedIpTransition(operation: ReservedIpOperation, status: string): ApiError {
  if (operation === 'unassign' && status === 'unassigned') return apiError('already_in_state', 'Reserved IP is not assigned');
  return apiError('invalid_state', `Cannot ${operation} a reserved IP that is ${status}`);
}
