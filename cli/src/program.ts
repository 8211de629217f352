import { Command, Option } from 'commander';
import { accountCommand } from './commands/account.js';
import { apiKeysCommand } from './commands/api-keys.js';
import { actionsCommand } from './commands/actions.js';
import { authCommand } from './commands/auth.js';
import { catalogCommands } from './commands/catalogs.js';
import { completionCommand } from './commands/completion.js';
import { databasesCommand } from './commands/databases.js';
import { eventsCommand } from './commands/events.js';
import { containerImagesCommand } from './commands/container-images.js';
import { containersCommand } from './commands/containers.js';
import { imagesCommand } from './commands/images.js';
import { instancesCommand } from './commands/instances.js';
import { sshKeysCommand } from './commands/ssh-keys.js';
import { backupPoliciesCommand } from './commands/backup-policies.js';
import { firewallsCommand } from './commands/firewalls.js';
import { functionsCommand } from './commands/functions.js';
import { loadBalancersCommand } from './commands/load-balancers.js';
import { networksCommand } from './commands/networks.js';
import { reservedIpsCommand } from './commands/reserved-ips.js';
import { snapshotsCommand } from './commands/snapshots.js';
import { volumesCommand } from './commands/volumes.js';
import { vpcsCommand } from './commands/vpcs.js';
import { webhooksCommand } from './commands/webhooks.js';
import { FORMATS } from './output/format.js';

export function buildProgram(version: string): Command {
  const program = new Command('cloudnexus')
    .description('Manage CloudNexus instances, storage, networking, databases, webhooks and more from your shell.')
    .version(version, '-v, --version')
    .option('-p, --profile <name>', 'stored login to use (see `cloudnexus auth login`)', 'default')
    .addOption(new Option('-o, --output <format>', 'table, json or yaml (default: table on a terminal, json otherwise)').choices(FORMATS));
  const commands = [
    authCommand(),
    instancesCommand(),
    volumesCommand(),
    snapshotsCommand(),
    backupPoliciesCommand(),
    vpcsCommand(),
    networksCommand(),
    firewallsCommand(),
    loadBalancersCommand(),
    reservedIpsCommand(),
    databasesCommand(),
    functionsCommand(),
    sshKeysCommand(),
    imagesCommand(),
    containerImagesCommand(),
    containersCommand(),
    ...catalogCommands(),
    actionsCommand(),
    eventsCommand(),
    webhooksCommand(),
    accountCommand(),
    apiKeysCommand(),
    completionCommand(),
  ];
  for (const command of commands) {
    program.addCommand(command);
  }
  forEachCommand(program, (command) => {
    // Usage errors then reach bin.ts as exceptions and get exit code 2, not commander's exit(1).
    command.exitOverride().showHelpAfterError('(add --help for usage)');
  });
  return program;
}

/** addCommand() does not pass settings down the tree, so they are applied to every command here. */
function forEachCommand(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) forEachCommand(sub, apply);
}
