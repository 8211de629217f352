// A small argv parser: leading words are the command, then `--flag value` pairs and bare `--switch`es.
export interface ParsedArgs {
  command: string[];
  flags: Map<string, string>;
  switches: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], switchNames: readonly string[]): ParsedArgs {
  const command: string[] = [];
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      if (flags.size > 0 || switches.size > 0) throw new UsageError(`unexpected argument "${arg}"`);
      command.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (switchNames.includes(name)) {
      switches.add(name);
    } else if (inline !== undefined) {
      flags.set(name, inline);
    } else {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { command, flags, switches };
}
