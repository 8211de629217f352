// The managed databases module: clusters, their users and backups, and the daily backup task.
import { defineModule } from '../module.js';
import { databaseActionHandlers } from './action-handlers.js';
import { DatabaseBackupScheduler } from './backup-scheduler.js';
import { DatabaseBackupsService } from './backups-service.js';
import { DatabaseBackupsStore } from './backups-store.js';
import { registerDatabaseRoutes } from './routes.js';
import { DatabasesService } from './service.js';
import { DatabasesStore } from './store.js';
import { DatabaseUsersService } from './users-service.js';

declare module '../module.js' {
  interface Services {
    databases: DatabasesService;
  }
}

export const databasesModule = defineModule('databases', (context) => {
  const { db, drivers, clock, events, config, cursors, service } = context;
  const databases = new DatabasesService(context, { driver: drivers.database, vpcs: service('vpcs'), networks: service('networks') });
  const users = new DatabaseUsersService(context, { databases });
  const backups = new DatabaseBackupsService(context, { databases });
  const scheduler = new DatabaseBackupScheduler(context);
  return {
    service: databases,
    routes: (app) => registerDatabaseRoutes(app, databases, users, backups, cursors),
    actionHandlers: databaseActionHandlers(db, drivers.database, clock, events),
    periodicTasks: [{ name: 'database backups', everyMs: config.worker.pollMs, run: () => scheduler.tick() }],
    heldOnHost: { databases: () => new DatabasesStore(db).allIds(), databaseBackups: () => new DatabaseBackupsStore(db).allIds() },
  };
});
