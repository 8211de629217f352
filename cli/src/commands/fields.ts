import { InvalidArgumentError, Option } from 'commander';
import { collect, parseLabel, parseLabelRemoval } from './repeatable.js';

/**
 * One API field set from a flag: `--ip-range <cidr>` → `ip_range`. Scalars take a value; `list`
 * repeats (`--volume-id a --volume-id b`), `labels` repeats `key=value`, `label-removals` repeats a
 * key a merge-patch removes (`key: null`, merged with the `labels` of the same field), and `json` takes the
 * field's JSON (rules, targets, health checks: shapes too nested for flags of their own).
 */
export interface Field {
  /** commander's flag spelling, e.g. `--size-gb <gb>`. */
  flags: string;
  /** The API field it sets; a dotted name sets a field of an object (`protection.delete`). */
  field: string;
  description: string;
  kind?: 'string' | 'integer' | 'boolean' | 'list' | 'labels' | 'label-removals' | 'json';
  required?: boolean;
  choices?: readonly string[];
}

/** The flag of each field, so the parsed value can be read back under commander's own attribute name. */
export function fieldOptions(fields: readonly Field[]): Option[] {
  return fields.map((field) => {
    const option = new Option(field.flags, field.description);
    if (field.choices) option.choices(field.choices);
    if (field.required) option.makeOptionMandatory();
    switch (field.kind) {
      case 'integer':
        return option.argParser(parseInteger);
      case 'boolean':
        return option.argParser(parseBoolean);
      case 'list':
        return option.argParser(collect).default([]);
      case 'labels':
        return option.argParser(parseLabel).default({});
      case 'label-removals':
        return option.argParser(parseLabelRemoval).default({});
      case 'json':
        return option.argParser(parseJson);
      default:
        return option;
    }
  });
}

/** The body (or query) the flags given add up to; flags not given are left out. */
export function valuesOf(fields: readonly Field[], options: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  fieldOptions(fields).forEach((option, index) => {
    const value = options[option.attributeName()];
    const field = fields[index]!;
    // A repeatable flag never given still holds its empty default: leave it out. A JSON flag given
    // as `[]` or `{}` is what the user asked for and is sent.
    if (value === undefined || (REPEATABLE.has(field.kind) && isEmpty(value))) return;
    const path = field.field.split('.');
    const leaf = path.pop() as string;
    let target = values;
    for (const part of path) target = (target[part] ??= {}) as Record<string, unknown>;
    // Two flags may fill one object field (`--label` and `--remove-label` both make `labels`).
    target[leaf] = isObject(target[leaf]) && isObject(value) ? { ...target[leaf], ...value } : value;
  });
  return values;
}

/** The kinds whose flag repeats, collecting into a list or an object that starts empty. */
const REPEATABLE = new Set<Field['kind']>(['list', 'labels', 'label-removals']);

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

function parseBoolean(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidArgumentError('expected true or false.');
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidArgumentError(`expected JSON, got ${value}`);
  }
}

/** Fields several resources share. */
export const LABELS: Field = { flags: '--label <key=value>', field: 'labels', description: 'label to set (repeatable)', kind: 'labels' };
/** Switches that turn protection on at create (instances, volumes). */
export const PROTECTION: readonly Field[] = [
  { flags: '--delete-protection', field: 'protection.delete', description: 'refuse deletion until protection is turned off' },
  { flags: '--rebuild-protection', field: 'protection.rebuild', description: 'refuse a rebuild until protection is turned off' },
];
/** A merge-patch of the name alone (a PATCH of resources without labels). */
export const NAME_PATCH: readonly Field[] = [{ flags: '--name <name>', field: 'name', description: 'the new name' }];
/** A merge-patch of the name and labels: `--label` sets one, `--remove-label` removes one, the others stay. */
export const NAME_LABELS_PATCH: readonly Field[] = [
  ...NAME_PATCH,
  { flags: '--label <key=value>', field: 'labels', description: 'label to set (repeatable); the other labels stay', kind: 'labels' },
  { flags: '--remove-label <key>', field: 'labels', description: 'label to remove (repeatable)', kind: 'label-removals' },
];
/** A merge-patch of the name, labels and protection (`update` of instances and volumes). */
export const NAME_LABELS_PROTECTION_PATCH: readonly Field[] = [
  ...NAME_LABELS_PATCH,
  { flags: '--delete-protection <bool>', field: 'protection.delete', description: 'true refuses deletion until set back to false', kind: 'boolean', choices: ['true', 'false'] },
  { flags: '--rebuild-protection <bool>', field: 'protection.rebuild', description: 'true refuses a rebuild until set back to false', kind: 'boolean', choices: ['true', 'false'] },
];
export const SELECTOR: Field = { flags: '-l, --selector <selector>', field: 'label_selector', description: 'label selector, e.g. "env=prod,tier in (api,web)"' };
export const REGION: Field = { flags: '--region <region>', field: 'region', description: 'only in this region' };
