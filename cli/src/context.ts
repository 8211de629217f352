import { CloudNexus } from '@cloudnexus/sdk';
import type { Command } from 'commander';
import { readCaFile, resolveSettings, type Settings } from './config/settings.js';
import { defaultFormat, type Format, renderList, renderRecord } from './output/format.js';
import type { Column } from './output/table.js';

/** The options every command inherits from `cloudnexus` itself. */
export interface GlobalOptions {
  profile: string;
  output?: Format;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function outputFormat(command: Command): Format {
  return globalOptions(command).output ?? defaultFormat();
}

/** Builds an SDK client from explicit settings (login checks a key before storing it). */
export function clientFrom(settings: Pick<Settings, 'apiKey' | 'baseURL' | 'caFile'>): CloudNexus {
  return new CloudNexus({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    ...(settings.caFile ? { ca: readCaFile(settings.caFile) } : {}),
  });
}

/** The client for the command's profile, with the environment's overrides applied. */
export function client(command: Command): CloudNexus {
  return clientFrom(resolveSettings(globalOptions(command).profile));
}

export function printRecord(command: Command, record: object): void {
  process.stdout.write(`${renderRecord(record, outputFormat(command))}\n`);
}

export function printList(command: Command, items: object[], cols: Column[]): void {
  process.stdout.write(`${renderList(items, outputFormat(command), cols)}\n`);
}
