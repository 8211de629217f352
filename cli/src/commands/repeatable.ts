import { InvalidArgumentError } from 'commander';

/** Collects a repeatable flag (`--ssh-key a --ssh-key b`) into a list. */
export function collect(value: string, values: string[]): string[] {
  return [...values, value];
}

/** Collects repeated `--label key=value` flags into the labels object the API takes. */
export function parseLabel(pair: string, labels: Record<string, string>): Record<string, string> {
  const separator = pair.indexOf('=');
  if (separator <= 0) throw new InvalidArgumentError(`expected key=value, got "${pair}".`);
  return { ...labels, [pair.slice(0, separator)]: pair.slice(separator + 1) };
}

/** Collects repeated `--remove-label key` flags into a labels merge-patch: each key set to null. */
export function parseLabelRemoval(key: string, removals: Record<string, null>): Record<string, null> {
  if (key === '') throw new InvalidArgumentError('expected a label key.');
  return { ...removals, [key]: null };
}
