// The load balancer state machine, in the shape every resource's takes.
import type { Transition } from '../actions/operations.js';
import type { LB_STATUSES } from './schema.js';

export type LoadBalancerStatus = (typeof LB_STATUSES)[number];
export type LoadBalancerOperation = 'update' | 'delete';

/** Both start from `active`, which a balancer reaches when its create action completes. */
export const LOAD_BALANCER_TRANSITIONS: Record<LoadBalancerOperation, Transition<LoadBalancerStatus>> = {
  update: { from: ['active'], during: null, message: 'Update initiated successfully' },
  delete: { from: ['active'], during: 'deleting', message: 'Deletion initiated successfully' },
};
