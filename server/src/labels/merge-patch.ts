// A JSON merge-patch (RFC 7396) of a resource's labels, as every PATCH /v2/<resource>/{id} takes it.
import Type from 'typebox';
import { LABEL_ANY_KEY, LABEL_KEY_NAMES, LABEL_RULES, LabelValueSchema, MAX_LABELS } from './labels.js';
import type { Labels } from './store.js';

/** null clears every label; in an object, a key set to null removes that label and a string sets it. */
export type LabelsPatch = Record<string, string | null> | null;

// A patch may remove every existing label and set as many new ones, hence twice the cap; the
// labels it leaves are held to the cap by validateLabels.
export const LabelsPatchSchema = Type.Union(
  [
    Type.Record(LABEL_ANY_KEY, Type.Union([LabelValueSchema, Type.Null()]), { maxProperties: 2 * MAX_LABELS, propertyNames: LABEL_KEY_NAMES }),
    Type.Null(),
  ],
  {
    description: `A JSON merge-patch of the labels: a key with a string value sets that label, a key set to null removes it, other labels stay; \`null\` removes them all. ${LABEL_RULES} At most ${MAX_LABELS} labels remain.`,
    examples: [{ env: 'staging', 'example.com/team': null }],
  },
);

/** The labels after applying `patch` to `current`; neither argument is changed. */
export function mergeLabels(current: Labels, patch: LabelsPatch): Labels {
  if (patch === null) return {};
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  // fromEntries defines own properties, so a key like `__proto__` stays a plain label.
  return Object.fromEntries(merged);
}
