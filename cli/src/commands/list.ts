import type { PageParams, PagePromise } from '@cloudnexus/sdk';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { printList } from '../context.js';
import type { Column } from '../output/table.js';

export interface PageOptions {
  limit?: number;
  cursor?: string;
  all?: boolean;
}

/** Adds `--limit`, `--cursor` and `--all` to a list command. */
export function withPaging(command: Command): Command {
  return command
    .addOption(new Option('--limit <n>', 'items per page (1-100)').argParser(parseLimit))
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--all', 'fetch every page');
}

/**
 * Prints one page, with a hint on stderr when there is more, or with `--all` every item. `--all`
 * asks for full pages of 100 unless told otherwise, so walking a long list costs few requests.
 */
export async function printPaged<T extends object>(
  command: Command,
  options: PageOptions,
  list: (params: PageParams) => PagePromise<T>,
  cols: Column[],
): Promise<void> {
  if (options.all) {
    const items: T[] = [];
    for await (const item of list({ limit: options.limit ?? 100 })) items.push(item);
    printList(command, items, cols);
    return;
  }
  const page = await list({
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
  });
  printList(command, page.data, cols);
  if (page.pagination.has_more && page.pagination.next_cursor) {
    process.stderr.write(`More results: add --cursor ${page.pagination.next_cursor} for the next page, or --all for every page.\n`);
  }
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InvalidArgumentError('expected a whole number from 1 to 100.');
  return limit;
}
