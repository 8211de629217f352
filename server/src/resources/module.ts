// The contract every resource folder keeps: `resources/<name>/index.ts` exports one module, built
// from the shared Context, and the app is a loop over the list in `modules.ts`. A module hands back
// what the app needs from it (routes, action handlers, periodic tasks, what the linux driver holds
// for it) and its service, which later modules and the dashboard look up by the module's name.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/database.js';
import type { Drivers, KnownResources } from '../drivers/factory.js';
import type { ActionHandlers } from '../engine/action-handler.js';
import type { PeriodicTask } from '../engine/periodic-tasks.js';
import type { Cursors } from '../http/pagination.js';
import type { SharedState } from '../redis/shared-state.js';
import type { ActionsService } from './actions/service.js';
import type { KeyCache } from './api-keys/key-cache.js';
import type { EventsRecorder } from './events/recorder.js';

/**
 * The services modules offer one another, by module name. Each `index.ts` that offers one adds
 * its entry here by declaration merging, so a lookup is typed without this file importing it.
 */
export interface Services {}

export interface Context {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The drivers in use: the configured ones, or the ones a test injected. */
  drivers: Omit<Drivers, 'reconcile' | 'close'>;
  events: EventsRecorder;
  actions: ActionsService;
  cursors: Cursors;
  keyCache: KeyCache;
  /** Redis, when configured: what the nodes share. */
  shared: SharedState | null;
  /** Wakes the worker; call it after the commit that enqueued an action. */
  poke: () => void;
  /** Another module's service (built first if it is not yet). */
  service<N extends keyof Services>(name: N): Services[N];
}

/** What a module hands the app. */
export interface ModuleParts<S> {
  service?: S;
  /** Registers the module's own paths, and only those. */
  routes?: (app: FastifyInstance) => void;
  actionHandlers?: ActionHandlers;
  periodicTasks?: PeriodicTask[];
  /** The ids of what the linux driver may hold on the host for this module. */
  heldOnHost?: Partial<KnownResources>;
}

export interface ResourceModule {
  name: string;
  build(context: Context): ModuleParts<unknown>;
}

type ServiceOf<N extends string> = N extends keyof Services ? Services[N] : never;

/** A module whose service, if it offers one, is the type `Services` names for it. */
export function defineModule<N extends string>(name: N, build: (context: Context) => ModuleParts<ServiceOf<N>>): ResourceModule {
  return { name, build };
}

/** Every module's parts merged into what the app wires: one handler table, one task list, one host inventory. */
export interface BuiltModules {
  /** In the order of the module list, which is the order of the paths in the OpenAPI document. */
  routes: ((app: FastifyInstance) => void)[];
  actionHandlers: ActionHandlers;
  periodicTasks: PeriodicTask[];
  heldOnHost: Partial<KnownResources>;
  service<N extends keyof Services>(name: N): Services[N];
}

/**
 * Builds each module once. A module that asks for another's service gets it built first, so the
 * list's order is free to follow the API's reading order; a cycle between modules is an error.
 */
export function buildModules(modules: readonly ResourceModule[], base: Omit<Context, 'service'>): BuiltModules {
  const byName = new Map(modules.map((module) => [module.name, module]));
  const parts = new Map<string, ModuleParts<unknown>>();
  const building = new Set<string>();
  const build = (name: string): ModuleParts<unknown> => {
    const done = parts.get(name);
    if (done) return done;
    const module = byName.get(name);
    if (!module) throw new Error(`No module "${name}" in the module list`);
    if (building.has(name)) throw new Error(`Modules depend on each other in a cycle through "${name}"`);
    building.add(name);
    const built = module.build(context);
    building.delete(name);
    parts.set(name, built);
    return built;
  };
  const service = <N extends keyof Services>(name: N): Services[N] => {
    const offered = build(name).service;
    if (offered === undefined) throw new Error(`The module "${name}" offers no service`);
    return offered as Services[N];
  };
  const context: Context = { ...base, service };

  const merged: BuiltModules = { routes: [], actionHandlers: {}, periodicTasks: [], heldOnHost: {}, service };
  for (const module of modules) {
    const { routes, actionHandlers = {}, periodicTasks = [], heldOnHost } = build(module.name);
    if (routes) merged.routes.push(routes);
    for (const [key, handler] of Object.entries(actionHandlers)) {
      if (key in merged.actionHandlers) throw new Error(`Two modules handle the action "${key}"`);
      merged.actionHandlers[key] = handler;
    }
    merged.periodicTasks.push(...periodicTasks);
    Object.assign(merged.heldOnHost, heldOnHost);
  }
  return merged;
}
