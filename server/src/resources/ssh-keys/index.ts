// The SSH keys module: public keys an instance is created with.
import { defineModule } from '../module.js';
import { registerSshKeyRoutes } from './routes.js';
import { SshKeysService } from './service.js';
import { SshKeysStore } from './store.js';

declare module '../module.js' {
  interface Services {
    'ssh-keys': SshKeysService;
  }
}

export const sshKeysModule = defineModule('ssh-keys', ({ db, clock, events, cursors }) => {
  const keys = new SshKeysService(new SshKeysStore(db), clock, events);
  return { service: keys, routes: (app) => registerSshKeyRoutes(app, keys, cursors) };
});
