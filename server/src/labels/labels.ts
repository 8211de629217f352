// Label rules, Kubernetes-style, shared by every resource that carries labels and by selectors.
import Type from 'typebox';
import type { ErrorDetail } from '../errors/api-error.js';

export const MAX_LABELS = 64;
const MAX_PREFIX_LENGTH = 253;
const MAX_NAME_LENGTH = 63;
const MAX_VALUE_LENGTH = 63;
/** prefix + '/' + name. */
export const MAX_KEY_LENGTH = MAX_PREFIX_LENGTH + 1 + MAX_NAME_LENGTH;

/** A label name, and a non-empty value: 1 to 63 characters, alphanumeric at both ends. */
const NAME_SOURCE = '[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const DNS_SUBDOMAIN_SOURCE = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*';
const NAME = new RegExp(`^${NAME_SOURCE}$`);
const DNS_SUBDOMAIN = new RegExp(`^${DNS_SUBDOMAIN_SOURCE}$`);
const NAME_CHARSET = "must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'";

// The schema holds keys and values to the same rules as labelKeyProblem and labelValueProblem
// (all but the prefix's 253-character cap, which a regular expression cannot bound), so clients
// and fuzzers see the real contract; the services still run validateLabels, which also covers the
// cap. The Record's key pattern matches every string (newlines included, which `^.*$` would not),
// so every value is held to be a string whatever its key.
export const LABEL_ANY_KEY = Type.String({ pattern: '^[\\s\\S]*$' });
export const LabelValueSchema = Type.String({ maxLength: MAX_VALUE_LENGTH, pattern: `^(?:${NAME_SOURCE})?$` });
export const LABEL_KEY_NAMES = { maxLength: MAX_KEY_LENGTH, pattern: `^(?:${DNS_SUBDOMAIN_SOURCE}/)?${NAME_SOURCE}$` };
export const LABEL_RULES =
  "Keys: an optional DNS subdomain prefix and '/', then a name of 1 to 63 " +
  "letters, digits, '-', '_' or '.', starting and ending with a letter or digit. Values: 0 to 63 characters, same rules.";

export const LabelsSchema = Type.Record(LABEL_ANY_KEY, LabelValueSchema, {
  maxProperties: MAX_LABELS,
  propertyNames: LABEL_KEY_NAMES,
  description: `Up to ${MAX_LABELS} key/value pairs. ${LABEL_RULES}`,
  examples: [{ env: 'prod', 'example.com/team': 'web' }],
});

/** What is wrong with a label key, or null when it is valid. */
export function labelKeyProblem(key: string): string | null {
  if (key.length === 0) return 'must not be empty';
  const slash = key.indexOf('/');
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0) return "prefix before '/' must not be empty";
    if (prefix.length > MAX_PREFIX_LENGTH) return `prefix must be at most ${MAX_PREFIX_LENGTH} characters`;
    if (!DNS_SUBDOMAIN.test(prefix)) {
      return "prefix must be a DNS subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    }
  }
  const name = key.slice(slash + 1);
  if (name.length === 0) return 'name must not be empty';
  if (name.length > MAX_NAME_LENGTH) return `name must be at most ${MAX_NAME_LENGTH} characters`;
  return NAME.test(name) ? null : `name ${NAME_CHARSET}`;
}

/** What is wrong with a label value, or null when it is valid. Empty values are allowed. */
export function labelValueProblem(value: string): string | null {
  if (value.length === 0) return null;
  if (value.length > MAX_VALUE_LENGTH) return `must be at most ${MAX_VALUE_LENGTH} characters`;
  return NAME.test(value) ? null : NAME_CHARSET;
}

/** Every problem with the `labels` of a request body, one detail per offending label. */
export function validateLabels(labels: Record<string, string>): ErrorDetail[] {
  const entries = Object.entries(labels);
  const problems: ErrorDetail[] = [];
  if (entries.length > MAX_LABELS) problems.push({ field: 'labels', message: `At most ${MAX_LABELS} labels per resource` });
  for (const [key, value] of entries) {
    const keyProblem = labelKeyProblem(key);
    const valueProblem = labelValueProblem(value);
    if (keyProblem) problems.push({ field: `labels.${key}`, message: `Invalid key: ${keyProblem}` });
    if (valueProblem) problems.push({ field: `labels.${key}`, message: `Invalid value: ${valueProblem}` });
  }
  return problems;
}
