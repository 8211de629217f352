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
