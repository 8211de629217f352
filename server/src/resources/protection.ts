// Delete and rebuild protection, shared by instances and volumes: the schema fragments (what a
// resource shows, what a create or a PATCH may set), the row columns they map to, and the one check
// an operation makes before it starts. A PATCH merges: a flag it leaves out keeps its value.
import Type from 'typebox';
import { named } from '../http/schemas.js';
import { apiError } from '../errors/catalog.js';
import type { Reason } from '../errors/reasons.js';

export const PROTECTION_FLAGS = ['delete', 'rebuild'] as const;
export type ProtectionFlag = (typeof PROTECTION_FLAGS)[number];
export type Protection = Record<ProtectionFlag, boolean>;

/** The row columns that hold the flags (1 or 0). */
export interface ProtectionColumns {
  protect_delete: number;
  protect_rebuild: number;
}

const DESCRIPTIONS: Record<ProtectionFlag, string> = {
  delete: 'While true, a delete answers 409 `delete_protected`',
  rebuild: 'While true, a rebuild answers 409 `rebuild_protected`',
};

export const ProtectionSchema = named(
  'Protection',
  Type.Object(
    { delete: Type.Boolean({ description: DESCRIPTIONS.delete }), rebuild: Type.Boolean({ description: DESCRIPTIONS.rebuild }) },
    { description: 'Guards against accidental deletion or re-imaging' },
  ),
);

export const ProtectionInputSchema = named(
  'ProtectionInput',
  Type.Object(
    { delete: Type.Optional(Type.Boolean({ description: DESCRIPTIONS.delete })), rebuild: Type.Optional(Type.Boolean({ description: DESCRIPTIONS.rebuild })) },
    { additionalProperties: false, description: 'Flags to set; one left out keeps its value (false on create)' },
  ),
);

const COLUMN: Record<ProtectionFlag, keyof ProtectionColumns> = { delete: 'protect_delete', rebuild: 'protect_rebuild' };

/** The columns a create writes: the flags given, every other one off. */
export function protectionColumns(input: Partial<Protection> | undefined): ProtectionColumns {
  return { protect_delete: 0, protect_rebuild: 0, ...protectionChanges(input ?? {}) };
}

/**
 * The columns a PATCH writes: only the flags it gives, so one it leaves out keeps its value in the
 * row as it is at the write (not as read before it: two PATCHes of different flags both land).
 */
export function protectionChanges(input: Partial<Protection>): Partial<ProtectionColumns> {
  const changes: Partial<ProtectionColumns> = {};
  for (const flag of PROTECTION_FLAGS) if (input[flag] !== undefined) changes[COLUMN[flag]] = input[flag] ? 1 : 0;
  return changes;
}

export function presentProtection(row: ProtectionColumns): Protection {
  return { delete: row.protect_delete === 1, rebuild: row.protect_rebuild === 1 };
}

const REASON = { delete: 'delete_protected', rebuild: 'rebuild_protected' } as const satisfies Record<ProtectionFlag, Reason>;

/** A 409 naming the flag (`delete_protected`, `rebuild_protected`) when `row` has it on. */
export function assertNotProtected(noun: 'Instance' | 'Volume', row: ProtectionColumns, flag: ProtectionFlag): void {
  if (row[COLUMN[flag]] !== 1) return;
  throw apiError(REASON[flag], `${noun} has ${flag} protection; turn it off with PATCH (protection.${flag}: false) first`);
}
