// What other modules may ask of accounts. Their store stays private to this folder.
import type { Db } from '../../db/database.js';
import { AccountsStore } from './store.js';

export interface AccountLookup {
  exists(accountId: string): Promise<boolean>;
}

export function accountLookup(db: Db): AccountLookup {
  return { exists: async (accountId) => (await new AccountsStore(db).find(accountId)) !== undefined };
}
