// The instances module: virtual machines, their lifecycle actions, console and metrics.
import { defineModule } from '../module.js';
import { instanceActionHandlers } from './action-handlers.js';
import { registerInstanceRoutes } from './routes.js';
import { InstancesService } from './service.js';
import { InstancesStore } from './store.js';

declare module '../module.js' {
  interface Services {
    instances: InstancesService;
  }
}

export const instancesModule = defineModule('instances', (context) => {
  const { db, drivers, clock, events, cursors, service } = context;
  const sshKeys = service('ssh-keys');
  const images = service('images');
  const instances = new InstancesService(context, { driver: drivers.compute, sshKeys, vpcs: service('vpcs'), networks: service('networks'), images });
  return {
    service: instances,
    routes: (app) => registerInstanceRoutes(app, instances, cursors),
    actionHandlers: instanceActionHandlers(db, drivers.compute, drivers.network, sshKeys, images, clock, events),
    heldOnHost: { instances: () => new InstancesStore(db).allIds() },
  };
});
