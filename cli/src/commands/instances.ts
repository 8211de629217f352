import type { Instance, RebuildInstance, SnapshotInstance, UpdateInstance } from '@cloudnexus/sdk';
import { Command, Option } from 'commander';
import { client, printRecord } from '../context.js';
import { withProgress } from '../output/progress.js';
import { columns } from '../output/table.js';
import { ACTION_COLUMNS } from './actions.js';
import { operationCommand, showCommand, updateCommand } from './builders.js';
import { fieldOptions, NAME_LABELS_PROTECTION_PATCH, PROTECTION, valuesOf } from './fields.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { metricsCommand } from './metrics.js';
import { collect, parseLabel } from './repeatable.js';
import { sdkWaitOptions, type WaitFlags, withWait } from './wait-options.js';

const COLUMNS = columns('id', 'name', 'region', 'plan', 'status', 'ipv4', 'created_at');

const INSTANCE_STATUSES = ['provisioning', 'running', 'stopped', 'rebooting', 'resizing', 'rebuilding', 'deleting'] as const satisfies readonly Instance['status'][];

interface ListOptions extends PageOptions {
  region?: string;
  status?: Instance['status'];
  name?: string;
  selector?: string;
}

interface CreateOptions extends WaitFlags {
  name: string;
  region: string;
  plan: string;
  image: string;
  sshKey: string[];
  label: Record<string, string>;
  userData?: string;
  networkId?: string;
  publicIp?: boolean;
  idempotencyKey?: string;
}

/** The operations that answer 202 with an action and take no body: same flags, same output. */
const LIFECYCLE = [
  { name: 'restart', method: 'restart', description: 'reboot a running instance', progress: 'restarting' },
  { name: 'stop', method: 'stop', description: 'power off a running instance at once', progress: 'stopping' },
  { name: 'shutdown', method: 'shutdown', description: 'shut a running instance down gracefully (its OS is asked to stop)', progress: 'shutting down' },
  { name: 'power-cycle', method: 'powerCycle', description: 'power a running instance off and on again', progress: 'power-cycling' },
  { name: 'start', method: 'start', description: 'power on a stopped instance', progress: 'starting' },
  { name: 'delete', method: 'delete', description: 'delete an instance for good', progress: 'deleting' },
] as const;

export function instancesCommand(): Command {
  const group = new Command('instances').description('virtual machines');
  withPaging(
    group
      .command('list')
      .description('list instances, newest first')
      .option('--region <region>', 'only in this region')
      .addOption(new Option('--status <status>', 'only in this status').choices(INSTANCE_STATUSES))
      .option('--name <name>', 'only with this name')
      .option('-l, --selector <selector>', 'label selector, e.g. "env=prod,tier in (api,web)"'),
  ).action(async (options: ListOptions, command: Command) => {
    const instances = client(command).instances;
    const filters = {
      ...(options.region ? { region: options.region } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(options.selector ? { label_selector: options.selector } : {}),
    };
    await printPaged(command, options, (params) => instances.list({ ...filters, ...params }), COLUMNS);
  });

  group
    .command('get')
    .description('show one instance')
    .argument('<id>', 'instance id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).instances.retrieve(id));
    });

  const create = group
    .command('create')
    .description('create an instance (with --wait, show it once it is running)')
    .requiredOption('--name <name>', 'hostname-like name')
    .requiredOption('--region <region>', 'region id, see `cloudnexus regions list`')
    .requiredOption('--plan <plan>', 'plan id, see `cloudnexus plans list`')
    .requiredOption('--image <image>', 'image id, see `cloudnexus images list`')
    .option('--ssh-key <id>', 'SSH key id to install (repeatable)', collect, [])
    .option('--label <key=value>', 'label to set (repeatable)', parseLabel, {})
    .option('--user-data <text>', 'cloud-init user data')
    .option('--network-id <id>', "private network to join (default: the region's default network)")
    .option('--public-ip', 'reserve a public IPv4 address and assign it (released with the instance)')
    .option('--idempotency-key <key>', 'retry-safe key; the same key and flags never create twice');
  for (const option of fieldOptions(PROTECTION)) create.addOption(option);
  withWait(create, 'the instance is running').action(async (options: CreateOptions, command: Command) => {
    const instances = client(command).instances;
    const body = {
      name: options.name,
      region: options.region,
      plan: options.plan,
      image: options.image,
      ...(options.sshKey.length ? { ssh_keys: options.sshKey } : {}),
      ...(Object.keys(options.label).length ? { labels: options.label } : {}),
      ...(options.userData !== undefined ? { user_data: options.userData } : {}),
      ...(options.networkId ? { network_id: options.networkId } : {}),
      ...(options.publicIp ? { public_ip: true } : {}),
      ...valuesOf(PROTECTION, options as unknown as Record<string, unknown>),
    };
    const requestOptions = {
      ...sdkWaitOptions(options),
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    };
    const run = () => instances.create(body, requestOptions);
    printRecord(command, options.wait ? await withProgress(`creating instance ${options.name}`, run) : await run());
  });

  updateCommand(group, {
    description: 'rename an instance or change its labels or protection (only what is given changes)',
    noun: 'instance',
    fields: NAME_LABELS_PROTECTION_PATCH,
    update: (sdk, id, body) => sdk.instances.update(id, body as UpdateInstance),
  });

  for (const operation of LIFECYCLE) {
    withWait(
      group
        .command(operation.name)
        .description(`${operation.description} (with --wait, show the finished action)`)
        .argument('<id>', 'instance id'),
      'the action has finished',
    ).action(async (id: string, options: WaitFlags, command: Command) => {
      const instances = client(command).instances;
      const run = () => instances[operation.method](id, sdkWaitOptions(options));
      printRecord(command, options.wait ? await withProgress(`${operation.progress} instance ${id}`, run) : await run());
    });
  }

  withWait(
    group
      .command('resize')
      .description('move an instance to another plan (with --wait, show the finished action)')
      .argument('<id>', 'instance id')
      .requiredOption('--plan <plan>', 'the new plan id'),
    'the action has finished',
  ).action(async (id: string, options: WaitFlags & { plan: string }, command: Command) => {
    const instances = client(command).instances;
    const run = () => instances.resize(id, { plan: options.plan }, sdkWaitOptions(options));
    printRecord(command, options.wait ? await withProgress(`resizing instance ${id} to ${options.plan}`, run) : await run());
  });

  operationCommand(group, {
    name: 'snapshot',
    description: "capture an instance's disk as a custom image (the answer's image_id)",
    noun: 'instance',
    progress: 'snapshotting',
    fields: [
      { flags: '--name <name>', field: 'name', description: "the image's name, unique among your images", required: true },
      { flags: '--crash-consistent', field: 'crash_consistent', description: 'allow a running instance: its disk is copied as it is' },
    ],
    run: (sdk, id, body, options) => sdk.instances.snapshot(id, body as SnapshotInstance, options),
  });
  operationCommand(group, {
    name: 'rebuild',
    description: 're-image an instance from an OS slug or a custom image id, keeping its id and address',
    noun: 'instance',
    progress: 'rebuilding',
    fields: [{ flags: '--image <image>', field: 'image', description: 'an OS image slug or a custom image id, see `cloudnexus images list`', required: true }],
    run: (sdk, id, body, options) => sdk.instances.rebuild(id, body as RebuildInstance, options),
  });

  metricsCommand(group, { noun: 'instance', metrics: (sdk, id, query) => sdk.instances.metrics(id, query) });

  showCommand(group, { name: 'console', description: "the tail of an instance's console: boot messages and user data output", noun: 'instance', show: (sdk, id) => sdk.instances.console(id) });
  showCommand(group, {
    name: 'firewall-rules',
    description: 'the firewall rules in force for an instance: every firewall applying to it, merged',
    noun: 'instance',
    show: (sdk, id) => sdk.instances.firewallRules(id),
  });

  withPaging(group.command('actions').description("list one instance's actions").argument('<id>', 'instance id')).action(
    async (id: string, options: PageOptions, command: Command) => {
      const instances = client(command).instances;
      await printPaged(command, options, (params) => instances.actions(id, params), ACTION_COLUMNS);
    },
  );
  return group;
}
