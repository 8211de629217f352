import { Command, Option } from 'commander';
import type { PatchApiKey, RotateApiKey } from '@cloudnexus/sdk';
import { client, outputFormat, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { collect } from './repeatable.js';
import { updateCommand } from './builders.js';
import { NAME_PATCH } from './fields.js';

const COLUMNS = columns('id', 'name', 'display', 'status', 'scopes', 'regions', 'expires_at', 'created_at');

interface CreateOptions {
  name: string;
  scope: string[];
  region: string[];
  expiresAt?: string;
}

export function apiKeysCommand(): Command {
  const group = new Command('api-keys').description('API keys of the account, for scripts and CI');
  withPaging(group.command('list').description('list API keys')).action(async (options: PageOptions, command: Command) => {
    const apiKeys = client(command).apiKeys;
    await printPaged(command, options, (params) => apiKeys.list(params), COLUMNS);
  });
  group
    .command('get')
    .description('show one API key (never its secret)')
    .argument('<id>', 'API key id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).apiKeys.retrieve(id));
    });
  group
    .command('create')
    .description('create an API key within the scopes and regions of the one in use; its secret is shown once')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--scope <scope>', 'e.g. instances:write or regions:read (repeatable; default: the current key\'s)', collect, [])
    .option('--region <region>', 'allow only this region (repeatable; default: the current key\'s)', collect, [])
    .option('--expires-at <time>', 'ISO-8601 time when the key stops working')
    .action(async (options: CreateOptions, command: Command) => {
      const created = await client(command).apiKeys.create({
        name: options.name,
        ...(options.scope.length ? { scopes: options.scope } : {}),
        ...(options.region.length ? { regions: options.region } : {}),
        ...(options.expiresAt ? { expires_at: options.expiresAt } : {}),
      });
      // A table shows the key's fields with the secret beside them; json and yaml keep the API's shape.
      printRecord(command, outputFormat(command) === 'table' ? { ...created.key, secret: created.secret } : created);
      process.stderr.write('Store the secret now: it is shown only this once.\n');
    });
  group
    .command('rotate')
    .description('give a key a new secret with the same settings; the old one works for the grace period, then gets 401')
    .argument('<id>', 'API key id')
    .addOption(new Option('--grace <period>', 'how long the old secret keeps working').choices(['none', '1h', '24h', '7d']).makeOptionMandatory())
    .action(async (id: string, options: { grace: RotateApiKey['grace_period'] }, command: Command) => {
      const rotated = await client(command).apiKeys.rotate(id, { grace_period: options.grace });
      printRecord(command, outputFormat(command) === 'table' ? { ...rotated.key, secret: rotated.secret } : rotated);
      process.stderr.write('Store the new secret now: it is shown only this once.\n');
    });
  group
    .command('revoke')
    .description('revoke an API key at once')
    .argument('<id>', 'API key id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).apiKeys.revoke(id));
    });
  updateCommand(group, { description: 'rename an API key', noun: 'API key', fields: NAME_PATCH, update: (sdk, id, body) => sdk.apiKeys.update(id, body as PatchApiKey) });
  return group;
}
