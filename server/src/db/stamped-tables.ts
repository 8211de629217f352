// The tables whose writes move their account's stamp (migration 0014, db/account-stamps.ts). A cached
// route that names what it reads (route-config.ts) may only name these and `labels`, since another
// table's change would not reach the stamp. A table joins this list with a migration of its own that
// creates its trigger and recreates the labels trigger, which looks a label's account up in these.
export const STAMPED_TABLES = ['instances', 'volumes', 'reserved_ips'] as const;

export type StampedTable = (typeof STAMPED_TABLES)[number] | 'labels';
