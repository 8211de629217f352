// The shapes CLI commands repeat (list, get, create, update, delete, an async operation), built
// once. Each command passes the SDK call it makes as a function, so the compiler checks it and the
// coverage gate (scripts/client-coverage.mjs) reads which SDK method, hence which operation, it runs.
import type { CloudNexus, PageParams, PagePromise, WaitableOptions } from '@cloudnexus/sdk';
import { Command } from 'commander';
import { client, printRecord } from '../context.js';
import { withProgress } from '../output/progress.js';
import type { Column } from '../output/table.js';
import { type Field, fieldOptions, valuesOf } from './fields.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { sdkWaitOptions, type WaitFlags, withWait } from './wait-options.js';

type Values = Record<string, unknown>;

/** Runs an operation, with progress on stderr while waiting. */
export function runWaiting<T>(flags: WaitFlags, progress: string, operation: () => Promise<T>): Promise<T> {
  return flags.wait ? withProgress(progress, operation) : operation();
}

function withFields(command: Command, fields: readonly Field[]): Command {
  for (const option of fieldOptions(fields)) command.addOption(option);
  return command;
}

/** `list` with filter flags and paging; `<id>` first when `list` lists what belongs to one resource. */
export function listCommand<T extends object>(
  group: Command,
  spec: { name?: string; description: string; columns: Column[]; filters?: readonly Field[]; list: (sdk: CloudNexus, query: PageParams & Values) => PagePromise<T> },
): void {
  const command = withFields(group.command(spec.name ?? 'list').description(spec.description), spec.filters ?? []);
  withPaging(command).action(async (options: PageOptions & Values, cmd: Command) => {
    const sdk = client(cmd);
    const filters = valuesOf(spec.filters ?? [], options);
    await printPaged(cmd, options, (params) => spec.list(sdk, { ...filters, ...params }), spec.columns);
  });
}

/** A list of what belongs to one resource, e.g. `webhooks deliveries <id>`. */
export function subListCommand<T extends object>(
  group: Command,
  spec: { name: string; description: string; noun: string; columns: Column[]; list: (sdk: CloudNexus, id: string, params: PageParams) => PagePromise<T> },
): void {
  withPaging(group.command(spec.name).description(spec.description).argument('<id>', `${spec.noun} id`)).action(
    async (id: string, options: PageOptions, cmd: Command) => {
      const sdk = client(cmd);
      await printPaged(cmd, options, (params) => spec.list(sdk, id, params), spec.columns);
    },
  );
}

/** One call on one resource by id that prints what it answers (`get`, `console`, `firewall-rules`, `webhooks test`). */
export function showCommand(group: Command, spec: { name?: string; description: string; noun: string; show: (sdk: CloudNexus, id: string) => Promise<object> }): void {
  group
    .command(spec.name ?? 'get')
    .description(spec.description)
    .argument('<id>', `${spec.noun} id`)
    .action(async (id: string, _options: object, cmd: Command) => {
      printRecord(cmd, await spec.show(client(cmd), id));
    });
}

/**
 * `create` from flags, with `--idempotency-key`; an asynchronous create (`waitsUntil` set) also
 * takes `--wait` and then shows the resource once it is ready.
 */
export function createCommand(
  group: Command,
  spec: { name?: string; description: string; noun: string; fields: readonly Field[]; idArgument?: boolean; waitsUntil?: string; create: (sdk: CloudNexus, body: Values, options: WaitableOptions, id: string) => Promise<object> },
): void {
  let command = group.command(spec.name ?? 'create').description(spec.description);
  if (spec.idArgument) command = command.argument('<id>', 'id of the resource it belongs to');
  withFields(command, spec.fields).option('--idempotency-key <key>', 'retry-safe key; the same key and flags never create twice');
  if (spec.waitsUntil) withWait(command, spec.waitsUntil);
  command.action(async (...args: unknown[]) => {
    const [id, options, cmd] = (spec.idArgument ? args : [undefined, ...args]) as [string, WaitFlags & Values & { idempotencyKey?: string }, Command];
    const body = valuesOf(spec.fields, options);
    const requestOptions = { ...sdkWaitOptions(options), ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}) };
    const what = `creating ${spec.noun}${typeof body.name === 'string' ? ` ${body.name}` : ''}`;
    printRecord(cmd, await runWaiting(options, what, () => spec.create(client(cmd), body, requestOptions, id)));
  });
}

/** A synchronous change of one resource from flags (`update`, `replace`). */
export function updateCommand(group: Command, spec: { name?: string; description: string; noun: string; fields: readonly Field[]; update: (sdk: CloudNexus, id: string, body: Values) => Promise<object> }): void {
  withFields(group.command(spec.name ?? 'update').description(spec.description).argument('<id>', `${spec.noun} id`), spec.fields).action(
    async (id: string, options: Values, cmd: Command) => {
      printRecord(cmd, await spec.update(client(cmd), id, valuesOf(spec.fields, options)));
    },
  );
}

/** A synchronous delete (204): a confirmation on stderr, nothing on stdout. */
export function deleteCommand(group: Command, spec: { description: string; noun: string; delete: (sdk: CloudNexus, id: string) => Promise<void> }): void {
  group
    .command('delete')
    .description(spec.description)
    .argument('<id>', `${spec.noun} id`)
    .action(async (id: string, _options: object, cmd: Command) => {
      await spec.delete(client(cmd), id);
      process.stderr.write(`Deleted ${spec.noun} ${id}.\n`);
    });
}

/** An asynchronous operation on one resource (202 + action): `--wait` shows the finished action. */
export function operationCommand(
  group: Command,
  spec: { name: string; description: string; noun: string; progress: string; fields?: readonly Field[]; run: (sdk: CloudNexus, id: string, body: Values, options: WaitableOptions) => Promise<object> },
): void {
  const command = withFields(group.command(spec.name).description(`${spec.description} (with --wait, show the finished action)`).argument('<id>', `${spec.noun} id`), spec.fields ?? []);
  withWait(command, 'the action has finished').action(async (id: string, options: WaitFlags & Values, cmd: Command) => {
    const body = valuesOf(spec.fields ?? [], options);
    printRecord(cmd, await runWaiting(options, `${spec.progress} ${spec.noun} ${id}`, () => spec.run(client(cmd), id, body, sdkWaitOptions(options))));
  });
}
