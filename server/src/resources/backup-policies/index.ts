// The backup policies module: schedules that snapshot volumes, and the task that fires them.
import { defineModule } from '../module.js';
import { registerBackupPolicyRoutes } from './routes.js';
import { BackupScheduler } from './scheduler.js';
import { BackupPoliciesService } from './service.js';

declare module '../module.js' {
  interface Services {
    'backup-policies': BackupPoliciesService;
  }
}

export const backupPoliciesModule = defineModule('backup-policies', (context) => {
  const policies = new BackupPoliciesService(context);
  const scheduler = new BackupScheduler(context);
  return {
    service: policies,
    routes: (app) => registerBackupPolicyRoutes(app, policies, context.cursors),
    periodicTasks: [{ name: 'backup policies', everyMs: context.config.worker.pollMs, run: () => scheduler.tick() }],
  };
});
