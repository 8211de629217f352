// Form fields described as data, built into labelled inputs, read back into an API body, and
// given the server's `error.details` on the right field. No validation is copied here: the
// server judges the body; the form only turns text into the JSON types the field names.
import type { ErrorDetail } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { loadChoices, type ChoiceSource } from './options.js';

export interface Field {
  /** The body property (`size_gb`); nested JSON goes in a `json` field. */
  name: string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'checkbox' | 'list' | 'json';
  required?: boolean;
  choices?: ChoiceSource;
  /** Shown under the input. */
  hint?: string;
  /** The initial text (for `json`, the JSON; for `checkbox`, 'true'). */
  initial?: string;
  /** A select's empty choice; by default "Choose…" when required, else "(none)". */
  emptyLabel?: string;
}

export interface BuiltField {
  field: Field;
  wrapper: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  message: HTMLElement;
}

let nextId = 0;

function inputFor(field: Field, id: string, describedBy: string): BuiltField['input'] {
  const common = { id, name: field.name, 'aria-describedby': describedBy, required: field.required === true };
  switch (field.kind) {
    case 'select': {
      const select = h('select', common, h('option', { value: '' }, field.emptyLabel ?? (field.required ? 'Choose…' : '(none)')));
      if (field.choices) {
        void loadChoices(field.choices)
          .then((choices) => {
            for (const c of choices) select.append(h('option', { value: c.value, selected: c.value === field.initial }, c.label));
          })
          .catch(() => select.append(h('option', { value: '', disabled: true }, 'Could not load the choices')));
      }
      return select;
    }
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: field.initial === 'true', required: false });
    case 'json':
      return Object.assign(h('textarea', { ...common, rows: '5', class: 'mono', spellcheck: 'false' }), { value: field.initial ?? '' });
    default:
      return h('input', { ...common, type: field.kind === 'number' ? 'number' : 'text', value: field.initial, autocomplete: 'off' });
  }
}

export function buildField(field: Field): BuiltField {
  const id = `f${++nextId}-${field.name}`;
  const message = h('span', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hint = field.hint ? h('span', { class: 'muted small', id: `${id}-hint` }, field.hint) : null;
  const input = inputFor(field, id, [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const label = h('label', { for: id }, field.label, field.required ? h('span', { class: 'muted' }, ' (required)') : null);
  const wrapper = h('div', { class: field.kind === 'checkbox' ? 'field field-checkbox' : 'field', 'data-field': field.name }, label, input, hint, message);
  return { field, wrapper, input, message };
}

/** Thrown for text the form cannot turn into its field's type (JSON that does not parse). */
export class UnreadableField extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(detail.message);
  }
}

function valueOf(built: BuiltField): unknown {
  const { field, input } = built;
  if (field.kind === 'checkbox') return (input as HTMLInputElement).checked;
  const text = input.value.trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'number':
      return Number(text);
    case 'list':
      return text.split(',').map((part) => part.trim()).filter(Boolean);
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new UnreadableField({ field: field.name, message: 'Not valid JSON' });
      }
    default:
      return text;
  }
}

/** The request body: every filled field by name; an empty optional one is left out for the server's default. */
export function readBody(fields: BuiltField[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const built of fields) {
    const value = valueOf(built);
    if (value !== undefined) body[built.field.name] = value;
  }
  return body;
}

/** The field a detail is about: `inbound_rules/0/ports`, `inbound_rules[0].ports` or `/name` all belong to their top-level field. */
function topLevel(path: string): string {
  return path.replace(/^(body)?[./]/, '').split(/[./[]/)[0] ?? '';
}

/**
 * Puts each detail under its field (marking the input invalid) and returns the ones that match
 * no field, for the form's general message.
 */
export function showDetails(fields: BuiltField[], details: readonly ErrorDetail[]): ErrorDetail[] {
  for (const built of fields) {
    replaceChildren(built.message);
    built.input.removeAttribute('aria-invalid');
  }
  const unmatched: ErrorDetail[] = [];
  for (const detail of details) {
    const built = fields.find((f) => f.field.name === topLevel(detail.field));
    if (!built) {
      unmatched.push(detail);
      continue;
    }
    built.input.setAttribute('aria-invalid', 'true');
    built.message.append(h('span', {}, detail.field === built.field.name ? detail.message : `${detail.field}: ${detail.message}`));
  }
  return unmatched;
}
