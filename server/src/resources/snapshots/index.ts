// The snapshots module: point-in-time copies of volumes, and volumes restored from them.
import { defineModule } from '../module.js';
import { snapshotActionHandlers } from './action-handlers.js';
import { registerSnapshotRoutes } from './routes.js';
import { SnapshotsService } from './service.js';
import { SnapshotsStore } from './store.js';

declare module '../module.js' {
  interface Services {
    snapshots: SnapshotsService;
  }
}

export const snapshotsModule = defineModule('snapshots', (context) => {
  const { db, drivers, clock, events, cursors, service } = context;
  const snapshots = new SnapshotsService(context, { volumes: service('volumes') });
  return {
    service: snapshots,
    routes: (app) => registerSnapshotRoutes(app, snapshots, cursors),
    actionHandlers: snapshotActionHandlers(db, drivers.storage, clock, events),
    heldOnHost: { snapshots: () => new SnapshotsStore(db).allIds() },
  };
});
