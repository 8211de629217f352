// The functions module: code on an installed runtime, deployed as numbered versions, invoked
// synchronously or in the background, with the runtimes the host offers as a catalog.
import { catalogOf } from '../catalog/catalogs.js';
import { CatalogService } from '../catalog/service.js';
import { defineModule } from '../module.js';
import { functionActionHandlers } from './action-handlers.js';
import { InvocationsService } from './invocations.js';
import { registerFunctionRoutes, type RuntimeEntry } from './routes.js';
import { FunctionsService } from './service.js';
import { FunctionSources } from './sources.js';

declare module '../module.js' {
  interface Services {
    functions: FunctionsService;
  }
}

const HANDLER_EXAMPLES = { nodejs: 'index.handler', python: 'main.handler' } as const;

export const functionsModule = defineModule('functions', (context) => {
  const { db, drivers, clock, events, config, cursors, service } = context;
  const driver = drivers.function;
  const sources = new FunctionSources(config.functionsDir);
  const functions = new FunctionsService(context, { driver, sources, networks: service('networks') });
  const invocations = new InvocationsService(context, { functions, driver, sources });
  const runtimes = new CatalogService<RuntimeEntry>('function_runtimes', 'Function runtime', catalogOf(driver.runtimes().map((r) => ({ ...r, handler_example: HANDLER_EXAMPLES[r.language] }))));
  return {
    service: functions,
    routes: (app) => registerFunctionRoutes(app, { functions, invocations, runtimes }, cursors),
    actionHandlers: functionActionHandlers(db, driver, sources, clock, events),
    periodicTasks: [{ name: 'lost function invocations', everyMs: 60_000, run: () => invocations.abandonLost() }],
  };
});
