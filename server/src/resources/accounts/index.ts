// The accounts module: the account itself and its usage against the tier's quotas.
import { defineModule } from '../module.js';
import { registerAccountRoutes } from './routes.js';
import { AccountsService } from './service.js';
import { AccountsStore } from './store.js';
import { AccountUsage } from './usage.js';

declare module '../module.js' {
  interface Services {
    accounts: AccountsService;
  }
}

export const accountsModule = defineModule('accounts', ({ db, clock }) => {
  const accounts = new AccountsService(new AccountsStore(db), new AccountUsage(db), clock);
  return { service: accounts, routes: (app) => registerAccountRoutes(app, accounts) };
});
