// The containers module: OCI containers run from uploaded images, each with an address in a network.
import { defineModule } from '../module.js';
import { containerActionHandlers } from './action-handlers.js';
import { registerContainerRoutes } from './routes.js';
import { ContainersService } from './service.js';
import { ContainersStore } from './store.js';

declare module '../module.js' {
  interface Services {
    containers: ContainersService;
  }
}

export const containersModule = defineModule('containers', (context) => {
  const { db, drivers, clock, events, cursors, service } = context;
  const images = service('container-images');
  const containers = new ContainersService(context, { driver: drivers.container, images, vpcs: service('vpcs'), networks: service('networks') });
  return {
    service: containers,
    routes: (app) => registerContainerRoutes(app, containers, cursors),
    actionHandlers: containerActionHandlers(db, drivers.container, images, clock, events),
    heldOnHost: { containers: () => new ContainersStore(db).allIds() },
  };
});
