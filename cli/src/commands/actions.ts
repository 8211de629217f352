import type { Action } from '@cloudnexus/sdk';
import { Command, Option } from 'commander';
import { client, printRecord } from '../context.js';
import { withProgress } from '../output/progress.js';
import { columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { parseSeconds } from './wait-options.js';

/** Also used for `instances actions`: the same rows either way. */
export const ACTION_COLUMNS = columns('id', 'type', 'status', 'resource_id', 'started_at', 'completed_at', 'error');

const ACTION_STATUSES = ['in-progress', 'completed', 'errored'] as const satisfies readonly Action['status'][];

interface ListOptions extends PageOptions {
  resourceId?: string;
  status?: Action['status'];
}

export function actionsCommand(): Command {
  const group = new Command('actions').description('asynchronous operations and their outcome');
  withPaging(
    group
      .command('list')
      .description('list actions, newest first')
      .option('--resource-id <id>', 'only actions on this resource')
      .addOption(new Option('--status <status>', 'only actions in this status').choices(ACTION_STATUSES)),
  ).action(async (options: ListOptions, command: Command) => {
    const actions = client(command).actions;
    const filters = {
      ...(options.resourceId ? { resource_id: options.resourceId } : {}),
      ...(options.status ? { status: options.status } : {}),
    };
    await printPaged(command, options, (params) => actions.list({ ...filters, ...params }), ACTION_COLUMNS);
  });
  group
    .command('get')
    .description('show one action')
    .argument('<id>', 'action id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).actions.retrieve(id));
    });
  group
    .command('wait')
    .description('wait until an action has finished, then show it (exit 9 if it errored)')
    .argument('<id>', 'action id')
    .addOption(new Option('--timeout <seconds>', 'give up after this long (default 600)').argParser(parseSeconds))
    .action(async (id: string, options: { timeout?: number }, command: Command) => {
      const actions = client(command).actions;
      const wait = () => actions.waitFor(id, options.timeout ? { timeout: options.timeout * 1000 } : {});
      printRecord(command, await withProgress(`action ${id}`, wait));
    });
  return group;
}
