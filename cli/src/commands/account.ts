import { Command } from 'commander';
import { client, printRecord } from '../context.js';

export function accountCommand(): Command {
  const group = new Command('account').description('the account the API key belongs to');
  group
    .command('get')
    .description('show the account: tier, rate limit, quotas and usage')
    .action(async (_options: object, command: Command) => {
      printRecord(command, await client(command).account.retrieve());
    });
  return group;
}
