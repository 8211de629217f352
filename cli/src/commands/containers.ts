import type { ContainerPort, CreateContainer, UpdateContainer } from '@cloudnexus/sdk';
import { Command, InvalidArgumentError } from 'commander';
import { client, outputFormat, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { listCommand, operationCommand, runWaiting, showCommand, updateCommand } from './builders.js';
import { NAME_LABELS_PATCH, REGION, SELECTOR } from './fields.js';
import { metricsCommand } from './metrics.js';
import { parseLabel } from './repeatable.js';
import { sdkWaitOptions, type WaitFlags, withWait } from './wait-options.js';

const COLUMNS = columns('id', 'name', 'region', 'status', 'image_id', 'ipv4', 'created_at');
const NOUN = 'container';
const STATUSES = ['provisioning', 'running', 'stopped', 'restarting', 'deleting'];

interface CreateOptions extends WaitFlags {
  name: string;
  region: string;
  imageId: string;
  memoryMb: string;
  cpu: string;
  command?: string[];
  env: Record<string, string>;
  port: ContainerPort[];
  networkId?: string;
  label: Record<string, string>;
  idempotencyKey?: string;
}

/** `--port 8080` or `--port 53/udp`, repeatable. */
function parsePort(value: string, ports: ContainerPort[]): ContainerPort[] {
  const match = /^(\d{1,5})(?:\/(tcp|udp))?$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected PORT or PORT/tcp|udp, got "${value}".`);
  return [...ports, { container_port: Number(match[1]), protocol: (match[2] ?? 'tcp') as ContainerPort['protocol'] }];
}

/** Reads the process of `--command` as JSON (`'["/bin/app","--port","80"]'`), so arguments keep their spaces. */
function parseCommand(value: string): string[] {
  const argv = (() => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  })();
  if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === 'string')) throw new InvalidArgumentError('expected a JSON array of strings, e.g. \'["/bin/app","--port","80"]\'.');
  return argv as string[];
}

export function containersCommand(): Command {
  const group = new Command('containers').description('containers run from container images, each with an address in a private network');
  listCommand(group, {
    description: 'list containers, newest first',
    columns: COLUMNS,
    filters: [REGION, { flags: '--status <status>', field: 'status', description: 'only in this status', choices: STATUSES }, SELECTOR],
    list: (sdk, query) => sdk.containers.list(query),
  });
  showCommand(group, { description: 'show one container', noun: NOUN, show: (sdk, id) => sdk.containers.retrieve(id) });
  withWait(
    group
      .command('create')
      .description('run a container from a container image (with --wait, show it once it is running)')
      .requiredOption('--name <name>', 'hostname-like name, unique per region')
      .requiredOption('--region <region>', 'region id')
      .requiredOption('--image-id <id>', 'a container image in the region, see `cloudnexus container-images list`')
      .requiredOption('--memory-mb <mb>', 'memory limit in MiB')
      .requiredOption('--cpu <vcpus>', 'CPU limit in vCPUs, e.g. 0.5')
      .option('--command <json>', "the process to run as a JSON array (default: the image's Entrypoint and Cmd)", parseCommand)
      .option('--env <NAME=value>', 'environment variable (repeatable)', parseLabel, {})
      .option('--port <port[/protocol]>', 'port it listens on, tcp unless /udp (repeatable)', parsePort, [])
      .option('--network-id <id>', "private network to join (default: the region's default network)")
      .option('--label <key=value>', 'label to set (repeatable)', parseLabel, {})
      .option('--idempotency-key <key>', 'retry-safe key; the same key and flags never create twice'),
    'the container is running',
  ).action(async (options: CreateOptions, command: Command) => {
    const body: CreateContainer = {
      name: options.name,
      region: options.region,
      image_id: options.imageId,
      memory_mb: Number(options.memoryMb),
      cpu: Number(options.cpu),
      ...(options.command ? { command: options.command } : {}),
      ...(Object.keys(options.env).length ? { environment: options.env } : {}),
      ...(options.port.length ? { ports: options.port } : {}),
      ...(options.networkId ? { network_id: options.networkId } : {}),
      ...(Object.keys(options.label).length ? { labels: options.label } : {}),
    };
    const requestOptions = { ...sdkWaitOptions(options), ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) };
    const containers = client(command).containers;
    printRecord(command, await runWaiting(options, `creating container ${options.name}`, () => containers.create(body, requestOptions)));
  });
  updateCommand(group, { description: 'rename a container or change its labels (only what is given changes)', noun: NOUN, fields: NAME_LABELS_PATCH, update: (sdk, id, body) => sdk.containers.update(id, body as UpdateContainer) });
  operationCommand(group, { name: 'restart', description: 'restart a running container', noun: NOUN, progress: 'restarting', run: (sdk, id, _body, options) => sdk.containers.restart(id, options) });
  operationCommand(group, { name: 'stop', description: 'stop a running container (SIGTERM, then SIGKILL)', noun: NOUN, progress: 'stopping', run: (sdk, id, _body, options) => sdk.containers.stop(id, options) });
  operationCommand(group, { name: 'start', description: 'start a stopped container', noun: NOUN, progress: 'starting', run: (sdk, id, _body, options) => sdk.containers.start(id, options) });
  operationCommand(group, { name: 'delete', description: 'delete a container for good', noun: NOUN, progress: 'deleting', run: (sdk, id, _body, options) => sdk.containers.delete(id, options) });
  group
    .command('logs')
    .description("the last lines of a container's stdout and stderr")
    .argument('<id>', 'container id')
    .option('--tail <n>', 'how many of the last lines of each stream (default 100)')
    .action(async (id: string, options: { tail?: string }, command: Command) => {
      const logs = await client(command).containers.logs(id, options.tail ? { tail: Number(options.tail) } : {});
      // A person reads the lines as the process wrote them; machines get the API's shape.
      if (outputFormat(command) !== 'table') return printRecord(command, logs);
      process.stdout.write(logs.stdout.map((line) => `${line}\n`).join(''));
      process.stderr.write(logs.stderr.map((line) => `${line}\n`).join(''));
    });
  metricsCommand(group, { noun: NOUN, metrics: (sdk, id, query) => sdk.containers.metrics(id, query) });
  return group;
}
