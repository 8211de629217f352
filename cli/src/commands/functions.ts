import type { CloudNexus, CreateFunction, PatchFunction, UpdateFunction } from '@cloudnexus/sdk';
import { Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { client, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { listCommand, operationCommand, runWaiting, showCommand, subListCommand, updateCommand } from './builders.js';
import { type Field, fieldOptions, LABELS, NAME_LABELS_PATCH, REGION, SELECTOR, valuesOf } from './fields.js';
import { parseLabel } from './repeatable.js';
import { zipDirectory } from './source-zip.js';
import { sdkWaitOptions, type WaitFlags, withWait } from './wait-options.js';

const COLUMNS = columns('id', 'name', 'region', 'runtime', 'version', 'status', 'memory_mb', 'created_at');
const INVOCATION_COLUMNS = columns('id', 'version', 'status', 'duration_ms', 'billed_ms', 'created_at');

/** What a deploy sets besides the source; `--env` is repeatable like `--label`. */
const SETTINGS: Field[] = [
  { flags: '--runtime <runtime>', field: 'runtime', description: 'e.g. nodejs20 or python3.11 (see `functions runtimes`)', required: true },
  { flags: '--handler <module.function>', field: 'handler', description: 'e.g. index.handler (index.js) or main.handler (main.py)', required: true },
  { flags: '--memory-mb <mb>', field: 'memory_mb', description: '128 to 2048 (default 256)', kind: 'integer' },
  { flags: '--timeout-s <seconds>', field: 'timeout_s', description: '1 to 300 (default 30)', kind: 'integer' },
  { flags: '--max-concurrency <n>', field: 'max_concurrency', description: 'invocations at once, 1 to 100 (default 10)', kind: 'integer' },
  { flags: '--network-id <id>', field: 'network_id', description: 'a VPC network it may reach' },
];

type DeployFlags = WaitFlags & Record<string, unknown> & { name?: string; region: string; env: Record<string, string> };

export function functionsCommand(): Command {
  const group = new Command('functions').description('deploy and invoke serverless functions');
  listCommand(group, { name: 'runtimes', description: 'list the runtimes the server offers', columns: columns('id', 'language', 'version', 'handler_example'), list: (sdk, query) => sdk.functions.runtimes(query) });
  listCommand(group, { description: 'list functions, newest first', columns: COLUMNS, filters: [REGION, SELECTOR], list: (sdk, query) => sdk.functions.list(query) });
  showCommand(group, { description: 'show one function (environment names only)', noun: 'function', show: async (sdk, ref) => sdk.functions.retrieve(await resolve(sdk, ref)) });
  deployCommand(group);
  // A PATCH, not a deploy: the code and settings stay, so no new version.
  updateCommand(group, {
    description: 'rename a function or change its labels (only what is given changes; nothing is redeployed)',
    noun: 'function',
    fields: NAME_LABELS_PATCH,
    update: async (sdk, ref, body) => sdk.functions.patch(await resolve(sdk, ref), body as PatchFunction),
  });
  invokeCommand(group);
  subListCommand(group, { name: 'invocations', description: 'list past invocations, newest first', noun: 'function', columns: INVOCATION_COLUMNS, list: (sdk, id, params) => sdk.functions.listInvocations(id, params) });
  group
    .command('invocation')
    .description('show one invocation: its result, error and logs')
    .argument('<id>', 'function id')
    .argument('<invocation-id>', 'invocation id')
    .action(async (id: string, invocationId: string, _options: object, cmd: Command) => {
      printRecord(cmd, await client(cmd).functions.retrieveInvocation(id, invocationId));
    });
  operationCommand(group, { name: 'delete', description: 'delete a function with its source and invocations', noun: 'function', progress: 'deleting', run: (sdk, id, _body, options) => sdk.functions.delete(id, options) });
  return group;
}

/** `deploy <dir>`: creates the function, or deploys the next version of the one of that name in the region. */
function deployCommand(group: Command): void {
  const command = group
    .command('deploy')
    .description('deploy a directory: create the function, or a new version of the one with that name in the region')
    .argument('<dir>', 'the directory holding the code')
    .option('--name <name>', "the function's name (default: the directory's name)")
    .requiredOption('--region <region>', 'where it runs')
    .addOption(new Option('--env <NAME=value>', 'environment variable (repeatable; write-only)').argParser(parseLabel).default({}));
  for (const option of fieldOptions([...SETTINGS, LABELS])) command.addOption(option);
  withWait(command, 'the deploy has finished').action(async (dir: string, options: DeployFlags, cmd: Command) => {
    const sdk = client(cmd);
    const name = options.name ?? (dir.replace(/\/+$/, '').split('/').pop() as string);
    const settings = { ...valuesOf(SETTINGS, options), source: zipDirectory(dir), ...(Object.keys(options.env).length > 0 ? { environment: options.env } : {}) } as UpdateFunction;
    const existing = await findByName(sdk, name, options.region);
    const deployed = await runWaiting(options, `deploying function ${name}`, async () => {
      if (!existing) return sdk.functions.create({ ...settings, name, region: options.region, ...valuesOf([LABELS], options) } as CreateFunction, sdkWaitOptions(options));
      const accepted = await sdk.functions.update(existing.id, settings, sdkWaitOptions(options));
      return options.wait ? sdk.functions.retrieve(existing.id) : accepted;
    });
    printRecord(cmd, deployed);
  });
}

/** `invoke <name-or-id> --data '{…}'`: the outcome (status, result, logs), or the invocation id with --async. */
function invokeCommand(group: Command): void {
  group
    .command('invoke')
    .description('invoke a function with a JSON event and show the outcome')
    .argument('<function>', 'function id or name')
    .option('--data <json>', 'the event, as JSON', '{}')
    .option('--region <region>', 'where to look the name up')
    .option('--async', 'answer at once with the invocation id')
    .action(async (ref: string, options: { data: string; region?: string; async?: boolean }, cmd: Command) => {
      let event: unknown;
      try {
        event = JSON.parse(options.data);
      } catch {
        throw new CliError(`--data must be JSON, got ${options.data}`);
      }
      const sdk = client(cmd);
      const id = await resolve(sdk, ref, options.region);
      printRecord(cmd, options.async ? await sdk.functions.invoke(id, event, { async: true }) : await sdk.functions.invoke(id, event));
    });
}

/** An id as given, or the id of the function with that name (in `region`, when given). */
async function resolve(sdk: CloudNexus, ref: string, region?: string): Promise<string> {
  if (ref.startsWith('fn_')) return ref;
  const found = await findByName(sdk, ref, region);
  if (!found) throw new CliError(`No function named ${ref}${region ? ` in ${region}` : ''}`);
  return found.id;
}

async function findByName(sdk: CloudNexus, name: string, region?: string) {
  const matches = [];
  for await (const fn of sdk.functions.list({ ...(region ? { region } : {}), limit: 100 })) if (fn.name === name) matches.push(fn);
  if (matches.length > 1) throw new CliError(`${matches.length} functions are named ${name}; give --region or the id`);
  return matches[0];
}
