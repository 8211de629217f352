// First start on an empty database: a `default` account and a key for it, printed once.
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { SettingsStore } from './db/settings-store.js';
import { AccountsService, type Account } from './resources/accounts/service.js';
import { AccountsStore } from './resources/accounts/store.js';
import { ApiKeysService } from './resources/api-keys/service.js';
import { ApiKeysStore } from './resources/api-keys/store.js';
import { AccountUsage } from './resources/accounts/usage.js';

export interface Bootstrapped {
  account: Account;
  apiKey: string;
}

/** Creates the default account unless any node already did; returns it only to the node that did. */
export async function bootstrapDefaultAccount(db: Db, clock: Clock): Promise<Bootstrapped | null> {
  // One transaction: a crash half-way leaves neither the marker nor a half-made account.
  return db.transaction().execute(async (trx) => {
    if (!(await new SettingsStore(trx).claimOnce('bootstrapped_at', new Date(clock()).toISOString()))) return null;
    const accountsStore = new AccountsStore(trx);
    const account = await new AccountsService(accountsStore, new AccountUsage(trx), clock).create({ name: 'default', tier: 'pro' });
    const keys = new ApiKeysService(new ApiKeysStore(trx), accountsStore, clock);
    const { secret } = await keys.create(account.id, { name: 'bootstrap' });
    return { account, apiKey: secret };
  });
}
