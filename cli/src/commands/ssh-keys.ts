import type { PatchSshKey } from '@cloudnexus/sdk';
import fs from 'node:fs';
import { Command } from 'commander';
import { client, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { updateCommand } from './builders.js';
import { NAME_PATCH } from './fields.js';

const COLUMNS = columns('id', 'name', 'type', 'bits', 'fingerprint', 'created_at');

interface CreateOptions {
  name: string;
  publicKey?: string;
  publicKeyFile?: string;
}

export function sshKeysCommand(): Command {
  const group = new Command('ssh-keys').description('SSH public keys to install on new instances');
  withPaging(group.command('list').description('list SSH keys')).action(async (options: PageOptions, command: Command) => {
    const sshKeys = client(command).sshKeys;
    await printPaged(command, options, (params) => sshKeys.list(params), COLUMNS);
  });
  group
    .command('get')
    .description('show one SSH key')
    .argument('<id>', 'SSH key id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).sshKeys.retrieve(id));
    });
  group
    .command('create')
    .description('upload an OpenSSH public key (ed25519, ECDSA, or RSA of 2048 bits or more)')
    .requiredOption('--name <name>', 'a name for the key')
    .option('--public-key <key>', 'the public key text')
    .option('--public-key-file <path>', 'read the public key from a file, e.g. ~/.ssh/id_ed25519.pub')
    .action(async (options: CreateOptions, command: Command) => {
      const publicKey = options.publicKey ?? (options.publicKeyFile ? fs.readFileSync(options.publicKeyFile, 'utf8').trim() : undefined);
      if (!publicKey) command.error('error: give --public-key or --public-key-file');
      printRecord(command, await client(command).sshKeys.create({ name: options.name, public_key: publicKey }));
    });
  group
    .command('delete')
    .description('delete an SSH key')
    .argument('<id>', 'SSH key id')
    .action(async (id: string, _options: object, command: Command) => {
      await client(command).sshKeys.delete(id);
      process.stderr.write(`Deleted SSH key ${id}.\n`);
    });
  updateCommand(group, { description: 'rename an SSH key', noun: 'SSH key', fields: NAME_PATCH, update: (sdk, id, body) => sdk.sshKeys.update(id, body as PatchSshKey) });
  return group;
}
