// PATCH /v2/<resource>/{id}, the same for every resource with a name or labels: a JSON merge-patch
// (RFC 7396) applied in one transaction with the resource's `<type>.updated` event. Each resource
// gives its body schema (through patchBody), how to write a new name, and its name-taken error.
import Type, { type TProperties } from 'typebox';
import { storedTime } from '../clock.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { ApiError } from '../errors/api-error.js';
import { invalidRequest, validationFailed } from '../errors/catalog.js';
import { named } from '../http/schemas.js';
import { validateLabels } from '../labels/labels.js';
import { mergeLabels, type LabelsPatch } from '../labels/merge-patch.js';
import { LabelsStore } from '../labels/store.js';
import type { Caller } from './events/origin.js';
import type { EventType } from './events/types.js';
import type { Context } from './module.js';

export interface NameAndLabelsPatch {
  name?: string;
  labels?: LabelsPatch;
}

export const PATCH_DESCRIPTION =
  'A JSON merge-patch (RFC 7396), sent as `application/merge-patch+json` or `application/json`: only the fields present change, ' +
  'and the rest stay as they are. Unknown and read-only fields are a 400 (`invalid_request`), and so is an empty object ' +
  '(a patch must change something). A new `name` follows the same rules as on create (409 `name_taken` when in use).';

/** The body of a resource's PATCH: every field optional, nothing else accepted, at least one field. */
export function patchBody<T extends TProperties>(component: string, properties: T) {
  return named(component, Type.Partial(Type.Object(properties), { additionalProperties: false, minProperties: 1, description: PATCH_DESCRIPTION }));
}

/** The patch with its name trimmed, for resources whose create trims names: a blank one is a 422, as on create. */
export function withTrimmedName<P extends NameAndLabelsPatch>(patch: P): P {
  if (patch.name === undefined) return patch;
  const name = patch.name.trim();
  if (name === '') throw validationFailed([{ field: 'name', message: 'Must not be blank' }]);
  return { ...patch, name };
}

export interface PatchTarget<P extends NameAndLabelsPatch> {
  id: string;
  event: EventType;
  /** Whether the resource carries labels (its body then takes a `labels` patch). */
  labelled: boolean;
  /** Writes the patch's fields besides labels (the new name, if any) and marks the row changed at `at`. */
  save: (trx: Db, changes: Omit<P, 'labels'>, at: string) => Promise<void>;
  /** The error a name already in use gives, the same as on create; absent where names may repeat. */
  nameTaken?: (name: string) => ApiError;
}

/** Applies `patch` to the resource `target` describes; the caller then answers with the resource as it is now. */
export async function applyPatch<P extends NameAndLabelsPatch>(context: Pick<Context, 'database' | 'events' | 'clock'>, caller: Caller, target: PatchTarget<P>, patch: P): Promise<void> {
  try {
    await context.database.db.transaction().execute((trx) => writePatch(trx, context, caller, target, patch));
  } catch (error) {
    if (patch.name !== undefined && target.nameTaken && isUniqueViolation(error)) throw target.nameTaken(patch.name);
    throw error;
  }
}

/** The writes of applyPatch inside `trx`, for a service whose store opens the transaction itself. */
export async function writePatch<P extends NameAndLabelsPatch>(trx: Db, context: Pick<Context, 'events' | 'clock'>, caller: Caller, target: PatchTarget<P>, patch: P): Promise<void> {
  const { labels: labelsPatch, ...changes } = patch;
  await target.save(trx, changes, storedTime(context.clock()));
  if (target.labelled && labelsPatch !== undefined) {
    const labelsStore = new LabelsStore(trx);
    // Read inside the transaction, so two concurrent patches of different keys both land.
    const labels = mergeLabels((await labelsStore.forResources([target.id])).get(target.id) ?? {}, labelsPatch);
    const problems = validateLabels(labels);
    if (problems.length > 0) throw invalidRequest('Invalid labels', problems);
    await labelsStore.replace(target.id, labels);
  }
  await context.events.record(trx, caller, target.event, target.id, patch);
}
