import type { Database, DatabaseMetrics } from '@cloudnexus/sdk';
import { Command, InvalidArgumentError, Option } from 'commander';
import { client, outputFormat, printList, printRecord } from '../context.js';
import { columns } from '../output/table.js';
import { runWaiting as run } from './builders.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { parseLabel } from './repeatable.js';
import { sdkWaitOptions, type WaitFlags, withWait } from './wait-options.js';

const COLUMNS = columns('id', 'name', 'engine', 'version', 'plan', 'node_count', 'region', 'status', 'created_at');
const USER_COLUMNS = columns('name', 'role', 'status', 'created_at');
const BACKUP_COLUMNS = columns('id', 'engine', 'version', 'size_mb', 'status', 'created_at');
const METRIC_COLUMNS = columns('series', 'timestamp', 'value', 'unit');

const ENGINES = ['postgres', 'mysql', 'redis'] as const satisfies readonly Database['engine'][];
const METRIC_TYPES = ['connections', 'cpu', 'storage'] as const satisfies readonly DatabaseMetrics['type'][];

interface ListOptions extends PageOptions {
  region?: string;
  engine?: Database['engine'];
  selector?: string;
}

interface CreateOptions extends WaitFlags {
  name: string;
  engine?: Database['engine'];
  version?: string;
  plan: string;
  region?: string;
  networkId?: string;
  nodes?: number;
  label: Record<string, string>;
  protectDelete?: boolean;
  backups: boolean;
  backupHour?: number;
  backupRetentionDays?: number;
  restoreFrom?: string;
  idempotencyKey?: string;
}

interface UpdateOptions {
  label: Record<string, string>;
  protectDelete?: 'true' | 'false';
  backups?: 'true' | 'false';
  backupHour?: number;
  backupRetentionDays?: number;
}

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

export function databasesCommand(): Command {
  const group = new Command('databases').description('managed databases (PostgreSQL, MySQL, Redis)');
  withPaging(
    group
      .command('list')
      .description('list databases, newest first')
      .option('--region <region>', 'only in this region')
      .addOption(new Option('--engine <engine>', 'only of this engine').choices(ENGINES))
      .option('-l, --selector <selector>', 'label selector, e.g. "env=prod,tier in (api,web)"'),
  ).action(async (options: ListOptions, command: Command) => {
    const databases = client(command).databases;
    const filters = {
      ...(options.region ? { region: options.region } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.selector ? { label_selector: options.selector } : {}),
    };
    await printPaged(command, options, (params) => databases.list({ ...filters, ...params }), COLUMNS);
  });

  group
    .command('get')
    .description('show one database (the password is never shown here)')
    .argument('<id>', 'database id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).databases.retrieve(id));
    });

  const create = group
    .command('create')
    .description('create a database; its admin password is shown this once (with --wait, once it is online)')
    .requiredOption('--name <name>', 'unique per region')
    .addOption(new Option('--engine <engine>', 'engine, see `cloudnexus database-engines list` (required unless restoring)').choices(ENGINES))
    .option('--version <version>', "engine version (default: the engine's default)")
    .requiredOption('--plan <plan>', 'plan of the engine')
    .option('--region <region>', 'region id (required unless restoring)')
    .option('--network-id <id>', "private network to join (default: the region's default network)")
    .addOption(new Option('--nodes <n>', 'nodes, 1-3 (a primary plus standbys)').argParser(integer(1, 3)))
    .option('--label <key=value>', 'label to set (repeatable)', parseLabel, {})
    .option('--protect-delete', 'refuse deletion until protection is turned off')
    .option('--no-backups', 'take no daily backups')
    .addOption(new Option('--backup-hour <hour>', 'UTC hour of the daily backup (0-23)').argParser(integer(0, 23)))
    .addOption(new Option('--backup-retention-days <days>', 'days backups are kept (1-35)').argParser(integer(1, 35)))
    .option('--restore-from <backup-id>', 'start from this backup (see `cloudnexus databases backups`)')
    .option('--idempotency-key <key>', 'retry-safe key; the same key and flags never create twice');
  withWait(create, 'the database is online').action(async (options: CreateOptions, command: Command) => {
    const backups = {
      ...(options.backups ? {} : { enabled: false }),
      ...(options.backupHour !== undefined ? { hour: options.backupHour } : {}),
      ...(options.backupRetentionDays !== undefined ? { retention_days: options.backupRetentionDays } : {}),
    };
    const body = {
      name: options.name,
      plan: options.plan,
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.version ? { version: options.version } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.networkId ? { network_id: options.networkId } : {}),
      ...(options.nodes !== undefined ? { node_count: options.nodes } : {}),
      ...(Object.keys(options.label).length ? { labels: options.label } : {}),
      ...(options.protectDelete ? { protection: { delete: true } } : {}),
      ...(Object.keys(backups).length ? { backups } : {}),
      ...(options.restoreFrom ? { restore_from: { backup_id: options.restoreFrom } } : {}),
    };
    const requestOptions = { ...sdkWaitOptions(options), ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) };
    const databases = client(command).databases;
    printRecord(command, await run(options, `creating database ${options.name}`, () => databases.create(body, requestOptions)));
  });

  group
    .command('update')
    .description('change labels, delete protection or the backup schedule; applied at once')
    .argument('<id>', 'database id')
    .option('--label <key=value>', 'label to set (repeatable; replaces the labels)', parseLabel, {})
    .addOption(new Option('--protect-delete <bool>', 'true refuses deletion until set back to false').choices(['true', 'false']))
    .addOption(new Option('--backups <bool>', 'take daily backups').choices(['true', 'false']))
    .addOption(new Option('--backup-hour <hour>', 'UTC hour of the daily backup (0-23)').argParser(integer(0, 23)))
    .addOption(new Option('--backup-retention-days <days>', 'days backups are kept (1-35)').argParser(integer(1, 35)))
    .action(async (id: string, options: UpdateOptions, command: Command) => {
      const backups = {
        ...(options.backups !== undefined ? { enabled: options.backups === 'true' } : {}),
        ...(options.backupHour !== undefined ? { hour: options.backupHour } : {}),
        ...(options.backupRetentionDays !== undefined ? { retention_days: options.backupRetentionDays } : {}),
      };
      const body = {
        ...(Object.keys(options.label).length ? { labels: options.label } : {}),
        ...(options.protectDelete !== undefined ? { protection: { delete: options.protectDelete === 'true' } } : {}),
        ...(Object.keys(backups).length ? { backups } : {}),
      };
      if (Object.keys(body).length === 0) throw new InvalidArgumentError('give at least one of --label, --protect-delete, --backups, --backup-hour, --backup-retention-days.');
      printRecord(command, await client(command).databases.update(id, body));
    });

  withWait(group.command('delete').description('delete a database and its backups (with --wait, show the finished action)').argument('<id>', 'database id'), 'the action has finished').action(
    async (id: string, options: WaitFlags, command: Command) => {
      const databases = client(command).databases;
      printRecord(command, await run(options, `deleting database ${id}`, () => databases.delete(id, sdkWaitOptions(options))));
    },
  );

  withWait(
    group
      .command('resize')
      .description('change the plan and/or node count (with --wait, show the finished action)')
      .argument('<id>', 'database id')
      .option('--plan <plan>', 'the new plan (storage only grows)')
      .addOption(new Option('--nodes <n>', 'the new node count, 1-3').argParser(integer(1, 3))),
    'the action has finished',
  ).action(async (id: string, options: WaitFlags & { plan?: string; nodes?: number }, command: Command) => {
    if (options.plan === undefined && options.nodes === undefined) throw new InvalidArgumentError('give --plan, --nodes or both.');
    const body = { ...(options.plan ? { plan: options.plan } : {}), ...(options.nodes !== undefined ? { node_count: options.nodes } : {}) };
    const databases = client(command).databases;
    printRecord(command, await run(options, `resizing database ${id}`, () => databases.resize(id, body, sdkWaitOptions(options))));
  });

  withWait(group.command('reset-password').description("give the admin user a new password, shown this once").argument('<id>', 'database id'), 'the new password works').action(
    async (id: string, options: WaitFlags, command: Command) => {
      const databases = client(command).databases;
      printRecord(command, await run(options, `resetting the password of database ${id}`, () => databases.resetPassword(id, sdkWaitOptions(options))));
    },
  );

  group
    .command('metrics')
    .description('connections, CPU or storage over a time range')
    .argument('<id>', 'database id')
    .addOption(new Option('--type <type>', 'which metric').choices(METRIC_TYPES).makeOptionMandatory())
    .option('--start <time>', 'ISO-8601 start; default one hour before the end')
    .option('--end <time>', 'ISO-8601 end; default now')
    .addOption(new Option('--step <seconds>', 'seconds between points (10-86400)').argParser(integer(10, 86_400)))
    .action(async (id: string, options: { type: DatabaseMetrics['type']; start?: string; end?: string; step?: number }, command: Command) => {
      const metrics = await client(command).databases.metrics(id, {
        type: options.type,
        ...(options.start ? { start: options.start } : {}),
        ...(options.end ? { end: options.end } : {}),
        ...(options.step !== undefined ? { step: options.step } : {}),
      });
      if (outputFormat(command) !== 'table') {
        printRecord(command, metrics);
        return;
      }
      printList(command, metrics.series.flatMap((series) => series.points.map((point) => ({ series: series.name, unit: series.unit, ...point }))), METRIC_COLUMNS);
    });

  withPaging(group.command('backups').description("list a database's daily backups, newest first").argument('<id>', 'database id')).action(
    async (id: string, options: PageOptions, command: Command) => {
      const databases = client(command).databases;
      await printPaged(command, options, (params) => databases.backups(id, params), BACKUP_COLUMNS);
    },
  );

  group.addCommand(usersCommand());
  return group;
}

function usersCommand(): Command {
  const users = new Command('users').description('the users of a database');
  withPaging(users.command('list').description("list a database's users, newest first").argument('<id>', 'database id')).action(
    async (id: string, options: PageOptions, command: Command) => {
      const resource = client(command).databases.users;
      await printPaged(command, options, (params) => resource.list(id, params), USER_COLUMNS);
    },
  );
  withWait(
    users
      .command('create')
      .description('create a user; its password is shown this once')
      .argument('<id>', 'database id')
      .requiredOption('--name <name>', 'lower-case letters, digits and underscores')
      .option('--idempotency-key <key>', 'retry-safe key'),
    'the user can log in',
  ).action(async (id: string, options: WaitFlags & { name: string; idempotencyKey?: string }, command: Command) => {
    const resource = client(command).databases.users;
    const requestOptions = { ...sdkWaitOptions(options), ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) };
    const created = await run(options, `creating user ${options.name}`, () => resource.create(id, { name: options.name }, requestOptions));
    printRecord(command, { ...created.user, action_id: created.action_id });
  });
  withWait(users.command('delete').description('delete a user (not the admin user)').argument('<id>', 'database id').argument('<name>', 'user name'), 'the action has finished').action(
    async (id: string, name: string, options: WaitFlags, command: Command) => {
      const resource = client(command).databases.users;
      printRecord(command, await run(options, `deleting user ${name}`, () => resource.delete(id, name, sdkWaitOptions(options))));
    },
  );
  return users;
}
