import { Command } from 'commander';
import { client, printRecord } from '../context.js';
import { type Column, columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';

/** Regions, plans and database engines are read-only catalogs with the same two commands (images have their own: custom ones can be deleted). */
const CATALOGS = [
  { name: 'regions', resource: 'regions', noun: 'region', cols: columns('id', 'name', 'country', 'available') },
  { name: 'plans', resource: 'plans', noun: 'plan', cols: columns('id', 'cpu', 'memory_gb', 'disk_gb', 'price_monthly', 'description') },
  { name: 'database-engines', resource: 'databaseEngines', noun: 'database engine', cols: columns('id', 'name', 'versions', 'default_version', 'port') },
] as const satisfies readonly { name: string; resource: string; noun: string; cols: Column[] }[];

export function catalogCommands(): Command[] {
  // `resource` is the SDK's property, which may be spelled differently from the command.
  return CATALOGS.map(({ name, resource, noun, cols }) => {
    const group = new Command(name).description(`browse the ${noun} catalog`);
    withPaging(group.command('list').description(`list ${name}`)).action(async (options: PageOptions, command: Command) => {
      const catalogResource = client(command)[resource];
      await printPaged<object>(command, options, (params) => catalogResource.list(params), cols);
    });
    group
      .command('get')
      .description(`show one ${noun}`)
      .argument('<id>', `${noun} id`)
      .action(async (id: string, _options: object, command: Command) => {
        printRecord(command, await client(command)[resource].retrieve(id));
      });
    return group;
  });
}
