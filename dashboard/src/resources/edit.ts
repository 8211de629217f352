// The edit form of every resource with a PATCH: name, labels and protection as they are now, and a
// body that is a JSON merge-patch of only what the form changed. The labels are edited as a whole
// JSON object, so a key removed from it is sent as null (the merge-patch way to remove a label).
import type { Field } from '../kit/fields.js';
import type { ActionSpec, Row } from '../kit/spec.js';
import { LABELS_FIELD } from './columns.js';

type ProtectionFlag = 'delete' | 'rebuild';

export interface EditOptions {
  /** The button's text: "Edit", or more precise where a PUT already is "Edit". */
  label?: string;
  name?: boolean;
  labelled?: boolean;
  protection?: readonly ProtectionFlag[];
}

const PROTECTION_LABELS: Record<ProtectionFlag, string> = {
  delete: 'Delete protection (refuse deletion)',
  rebuild: 'Rebuild protection (refuse a rebuild)',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const labelsOf = (row: Row): Record<string, unknown> => (isObject(row.labels) ? row.labels : {});
const protectionOf = (row: Row): Record<string, unknown> => (isObject(row.protection) ? row.protection : {});
const protectionField = (flag: ProtectionFlag) => `protection.${flag}`;

/** The merge-patch turning `current` labels into `wanted`: changed keys set, missing keys null. */
function labelsPatch(current: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) if (current[key] !== value) patch[key] = value;
  for (const key of Object.keys(current)) if (!(key in wanted)) patch[key] = null;
  return patch;
}

function changes(row: Row, values: Record<string, unknown>, options: EditOptions): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (options.name && values.name !== undefined && values.name !== row.name) patch.name = values.name;
  if (options.labelled) {
    // An emptied box means no labels; anything but an object goes as typed, for the server to refuse.
    const wanted = values.labels ?? {};
    const labels = isObject(wanted) ? labelsPatch(labelsOf(row), wanted) : wanted;
    if (!isObject(labels) || Object.keys(labels).length > 0) patch.labels = labels;
  }
  const protection: Record<string, unknown> = {};
  for (const flag of options.protection ?? []) {
    const wanted = values[protectionField(flag)];
    if (wanted !== (protectionOf(row)[flag] === true)) protection[flag] = wanted;
  }
  if (Object.keys(protection).length > 0) patch.protection = protection;
  return patch;
}

export function editAction(options: EditOptions): ActionSpec {
  return {
    label: options.label ?? 'Edit',
    method: 'PATCH',
    path: '',
    fields: (row): Field[] => [
      ...(options.name ? [{ name: 'name', label: 'Name', kind: 'text', initial: typeof row.name === 'string' ? row.name : '' } as const] : []),
      ...(options.labelled ? [{ ...LABELS_FIELD, initial: JSON.stringify(labelsOf(row)) }] : []),
      ...(options.protection ?? []).map((flag): Field => ({ name: protectionField(flag), label: PROTECTION_LABELS[flag], kind: 'checkbox', initial: String(protectionOf(row)[flag] === true) })),
    ],
    body: (row, values) => changes(row, values, options),
  };
}
