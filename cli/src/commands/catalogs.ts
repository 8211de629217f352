import { Command } from 'commander';
import { client, printRecord } from '../context.js';
import { type Column, columns } from '../output/table.js';
import { type PageOptions, printPaged, withPaging } from './list.js';

/** Regions, plans and images are read-only catalogs with the same two commands. */
const CATALOGS = [
  { name: 'regions', noun: 'region', cols: columns('id', 'name', 'country', 'available') },
  { name: 'plans', noun: 'plan', cols: columns('id', 'cpu', 'memory_gb', 'disk_gb', 'price_monthly', 'description') },
  { name: 'images', noun: 'image', cols: columns('id', 'name', 'distribution', 'version', 'architecture') },
] as const satisfies readonly { name: string; noun: string; cols: Column[] }[];

export function catalogCommands(): Command[] {
  return CATALOGS.map(({ name, noun, cols }) => {
    const group = new Command(name).description(`browse the ${noun} catalog`);
    withPaging(group.command('list').description(`list ${name}`)).action(async (options: PageOptions, command: Command) => {
      const resource = client(command)[name];
      await printPaged<object>(command, options, (params) => resource.list(params), cols);
    });
    group
      .command('get')
      .description(`show one ${noun}`)
      .argument('<id>', `${noun} id`)
      .action(async (id: string, _options: object, command: Command) => {
        printRecord(command, await client(command)[name].retrieve(id));
      });
    return group;
  });
}
