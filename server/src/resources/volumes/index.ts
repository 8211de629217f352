// The volumes module: block storage, attached to instances, resized and snapshotted.
import { defineModule } from '../module.js';
import { volumeActionHandlers } from './action-handlers.js';
import { registerVolumeRoutes } from './routes.js';
import { VolumesService } from './service.js';
import { VolumesStore } from './store.js';

declare module '../module.js' {
  interface Services {
    volumes: VolumesService;
  }
}

export const volumesModule = defineModule('volumes', (context) => {
  const { db, drivers, clock, events, cursors } = context;
  const volumes = new VolumesService(context);
  return {
    service: volumes,
    routes: (app) => registerVolumeRoutes(app, volumes, cursors),
    actionHandlers: volumeActionHandlers(db, drivers.storage, clock, events),
    heldOnHost: { volumes: () => new VolumesStore(db).allIds() },
  };
});
