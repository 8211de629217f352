import type { Command } from 'commander';

/** What a shell needs to complete one command: its subcommands and its flags. */
export interface CompletionNode {
  /** Space-separated words from the root, e.g. `instances create`; `` for the root. */
  path: string;
  description: string;
  subcommands: string[];
  flags: { long: string; short?: string; takesValue: boolean; choices?: readonly string[]; description: string }[];
}

/** Flattens the commander tree, so completion scripts are generated and never drift from it. */
export function completionNodes(command: Command, parents: string[] = []): CompletionNode[] {
  const own: CompletionNode = {
    path: parents.join(' '),
    description: command.description(),
    subcommands: command.commands.map((sub) => sub.name()),
    flags: command.options
      .filter((option) => option.long)
      .map((option) => ({
        long: option.long!,
        ...(option.short ? { short: option.short } : {}),
        takesValue: option.required || option.optional,
        ...(option.argChoices ? { choices: option.argChoices } : {}),
        description: option.description,
      })),
  };
  return [own, ...command.commands.flatMap((sub) => completionNodes(sub, [...parents, sub.name()]))];
}
