// Row types as stored. Times are ISO-8601 UTC strings with milliseconds, so they sort as text on
// SQLite and PostgreSQL alike; flags and lists are stored as text (JSON) for the same reason.

export interface SettingsTable {
  name: string;
  value: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  tier: string;
  rate_limit: number | null;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  last4: string;
  scopes: string;
  regions: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
}


export interface Tables {
  settings: SettingsTable;
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
}
