import { Argument, Command } from 'commander';
import { completionNodes } from '../completion/command-tree.js';
import { completionScript, type Shell, SHELLS } from '../completion/scripts.js';

export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell to complete for').choices(SHELLS))
    .action((shell: Shell, _options: object, command: Command) => {
      // Generated from the live command tree, so every command and flag is in it.
      process.stdout.write(completionScript(shell, completionNodes(command.parent!)));
    });
}
