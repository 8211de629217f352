// The custom image state machine: a snapshot of an instance makes one (`creating` → `available`,
// or `errored` when the copy failed for good), and a delete removes it (`deleting` → gone).
import type { Transition } from '../actions/operations.js';

export const IMAGE_STATUSES = ['creating', 'available', 'errored', 'deleting'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export const IMAGE_TYPES = ['os', 'custom'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** An errored image holds what the failed copy left, so it can be deleted too. */
export const IMAGE_TRANSITIONS: Record<'delete', Transition<ImageStatus>> = {
  delete: { from: ['available', 'errored'], during: 'deleting', message: 'Deletion initiated successfully' },
};

/** Custom image ids; anything else given as an image is an OS slug. */
export const isCustomImageId = (image: string) => image.startsWith('img_');
