import type { CloudNexus, Event, EventListParams } from '@cloudnexus/sdk';
import { Command, InvalidArgumentError, Option } from 'commander';
import { client, outputFormat, printRecord } from '../context.js';
import type { Format } from '../output/format.js';
import { cell, columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';
import { parseSeconds } from './wait-options.js';

const EVENT_COLUMNS = columns('id', 'type', 'resource_id', 'actor', 'created_at');
/** How often `tail` asks for new events: 30 requests a minute, half the smallest (free) rate limit. */
const DEFAULT_INTERVAL_SECONDS = 2;
/** Events a poll fetches per page; several pages are walked when more than this arrived. */
const POLL_PAGE = 100;

interface FilterOptions {
  type?: string;
  resourceId?: string;
  since?: string;
  until?: string;
}

function withFilters(command: Command): Command {
  return command
    .option('--type <type>', 'an exact event type (instance.created) or a prefix (instance.*)')
    .option('--resource-id <id>', 'only events about this resource')
    .addOption(new Option('--since <time>', 'events at or after this time (RFC 3339)').argParser(parseTime));
}

function filtersOf(options: FilterOptions): EventListParams {
  return {
    ...(options.type ? { type: options.type } : {}),
    ...(options.resourceId ? { resource_id: options.resourceId } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
  };
}

export function eventsCommand(): Command {
  const group = new Command('events').description('the audit trail of every change to your resources');
  withPaging(
    withFilters(group.command('list').description('list events, newest first')).addOption(
      new Option('--until <time>', 'events before this time (RFC 3339)').argParser(parseTime),
    ),
  ).action(async (options: FilterOptions & PageOptions, command: Command) => {
    const events = client(command).events;
    await printPaged(command, options, (params) => events.list({ ...filtersOf(options), ...params }), EVENT_COLUMNS);
  });
  group
    .command('get')
    .description('show one event')
    .argument('<id>', 'event id')
    .action(async (id: string, _options: object, command: Command) => {
      printRecord(command, await client(command).events.retrieve(id));
    });
  withFilters(
    group
      .command('tail')
      .description('print recent events, then new ones as they happen, until Ctrl-C')
      .addOption(new Option('--interval <seconds>', `how often to look for new events (default ${DEFAULT_INTERVAL_SECONDS})`).argParser(parseSeconds)),
  ).action(async (options: FilterOptions & { interval?: number }, command: Command) => {
    const format = outputFormat(command);
    await tail(client(command), filtersOf(options), (options.interval ?? DEFAULT_INTERVAL_SECONDS) * 1000, (event) =>
      process.stdout.write(`${renderLine(event, format)}\n`),
    );
  });
  return group;
}

/**
 * Prints the latest 20 events (or every one since --since), then polls for newer ones. Each poll asks for
 * events since the newest one seen, a second back (times are to the second), and skips ids already
 * printed, so nothing is shown twice and nothing written in the same second is missed. Rate-limited
 * polls wait as the server says (the SDK honours Retry-After).
 */
async function tail(api: CloudNexus, filters: EventListParams, intervalMs: number, print: (event: Event) => void): Promise<never> {
  const printed = new Set<string>();
  let since = filters.since;
  const show = (events: Event[]) => {
    for (const event of events) {
      if (printed.has(event.id)) continue;
      printed.add(event.id);
      print(event);
      since = event.created_at;
    }
  };
  show(await (filters.since ? every(api, filters) : api.events.list({ ...filters, limit: 20 }).then((page) => page.data)).then((events) => events.reverse()));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const from = since ? new Date(Date.parse(since) - 1000).toISOString() : undefined;
    show((await every(api, { ...filters, ...(from ? { since: from } : {}) })).reverse());
  }
}

/** Every matching event, newest first. */
async function every(api: CloudNexus, params: EventListParams): Promise<Event[]> {
  const events: Event[] = [];
  for await (const event of api.events.list({ ...params, limit: POLL_PAGE })) events.push(event);
  return events;
}

/** One line per event: a table row, or NDJSON for scripts. */
function renderLine(event: Event, format: Format): string {
  if (format !== 'table') return JSON.stringify(event);
  const actor = event.actor.id ? `${event.actor.type}:${event.actor.id}` : event.actor.type;
  return [event.created_at, event.type, event.resource_id, actor, event.id].map(cell).join('  ');
}

function parseTime(value: string): string {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected an RFC 3339 time, e.g. 2026-01-15T08:30:00Z.');
  }
  return value;
}
