// The snapshot state machine: a snapshot is taken (`creating` → `available`) and deleted.
import type { Transition } from '../actions/operations.js';

export const SNAPSHOT_STATUSES = ['creating', 'available', 'deleting'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export const SNAPSHOT_TRANSITIONS: Record<'delete', Transition<SnapshotStatus>> = {
  delete: { from: ['available'], during: 'deleting', message: 'Deletion initiated successfully' },
};
