// The API keys module: keys, their rotation, and the cache the authentication reads them through.
import { accountLookup } from '../accounts/queries.js';
import { defineModule } from '../module.js';
import { registerApiKeyRoutes } from './routes.js';
import { ApiKeysService } from './service.js';
import { ApiKeysStore } from './store.js';

declare module '../module.js' {
  interface Services {
    'api-keys': ApiKeysService;
  }
}

export const apiKeysModule = defineModule('api-keys', ({ db, clock, keyCache, shared, cursors }) => {
  const keys = new ApiKeysService(new ApiKeysStore(db), accountLookup(db), clock, { cache: keyCache, ...(shared ? { revocations: shared.revocations } : {}) });
  return { service: keys, routes: (app) => registerApiKeyRoutes(app, keys, cursors) };
});
