// First start on an empty database: a `default` account, a key for it and a dashboard sign-in for
// its owner, printed once.
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { SettingsStore } from './db/settings-store.js';
import { AccountsService, type Account } from './resources/accounts/service.js';
import { AccountsStore } from './resources/accounts/store.js';
import { accountLookup } from './resources/accounts/queries.js';
import { ApiKeysService } from './resources/api-keys/service.js';
import { ApiKeysStore } from './resources/api-keys/store.js';
import { AccountUsage } from './resources/accounts/usage.js';
import { generatePassword } from './resources/dashboard-users/passwords.js';
import { DashboardUsersService } from './resources/dashboard-users/service.js';
import { DashboardUsersStore } from './resources/dashboard-users/store.js';

/** The bootstrap owner's dashboard email; add others with `cloudnexus-server users create`. */
export const BOOTSTRAP_EMAIL = 'owner@cloudnexus.local';

export interface Bootstrapped {
  account: Account;
  apiKey: string;
  dashboard: { email: string; password: string };
}

/** Creates the default account unless any node already did; returns it only to the node that did. */
export async function bootstrapDefaultAccount(db: Db, clock: Clock): Promise<Bootstrapped | null> {
  // One transaction: a crash half-way leaves neither the marker nor a half-made account.
  return db.transaction().execute(async (trx) => {
    if (!(await new SettingsStore(trx).claimOnce('bootstrapped_at', new Date(clock()).toISOString()))) return null;
    const account = await new AccountsService(new AccountsStore(trx), new AccountUsage(trx), clock).create({ name: 'default', tier: 'pro' });
    const keys = new ApiKeysService(new ApiKeysStore(trx), accountLookup(trx), clock);
    const { secret } = await keys.create(account.id, { name: 'bootstrap' });
    const password = generatePassword();
    await new DashboardUsersService(new DashboardUsersStore(trx), accountLookup(trx), clock).create(account.id, BOOTSTRAP_EMAIL, password);
    return { account, apiKey: secret, dashboard: { email: BOOTSTRAP_EMAIL, password } };
  });
}
