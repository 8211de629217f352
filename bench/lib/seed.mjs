// Seeded instances, inserted straight into the database: a million creates through the API would
// take longer than the benchmark and exceed any quota. SQLite here; PostgreSQL in postgres.mjs.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { SERVER_DIR } from './config.mjs';

// The server's choice of better-sqlite3 for this Node (server/dist is built before any seeding).
const sqliteBinding = () => import(pathToFileURL(path.join(SERVER_DIR, 'dist', 'db', 'sqlite-binding.js')).href);
const BASE_MS = Date.parse('2020-01-01T00:00:00Z');

/** Row `i` of the seed: one second older than row i-1, so newest-first order is i = 0, 1, 2, ... */
export function seedPosition(i) {
  return [new Date(BASE_MS - i * 1000).toISOString().replace(/\.\d+Z$/, 'Z'), `inst_seed${String(i).padStart(9, '0')}`];
}

export const SEED_COLUMNS = ['id', 'account_id', 'name', 'region', 'plan', 'image', 'status', 'cpu', 'memory_gb',
  'ipv4', 'user_data', 'ssh_key_ids', 'action_id', 'created_at', 'updated_at'];

/** A running `micro` instance in us-east-1, values in SEED_COLUMNS order. */
export function seedRow(accountId, i) {
  const [at, id] = seedPosition(i);
  return [id, accountId, `seed-${i}`, 'us-east-1', 'micro', 'ubuntu-24-04', 'running', 1, 1, null, null, '[]', null, at, at];
}

/** Inserts `count` instances for the account in one transaction with one prepared statement. */
export async function seedInstances(dbFile, accountId, count) {
  const { SqliteDatabase } = await sqliteBinding();
  const db = new SqliteDatabase(dbFile);
  try {
    const insert = db.prepare(`INSERT INTO instances (${SEED_COLUMNS.join(', ')}) VALUES (${SEED_COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(seedRow(accountId, i));
    })();
  } finally {
    db.close();
  }
}

/**
 * `count` more accounts (rows only: nothing authenticates as them), each holding `instancesEach`
 * instances, so the tables hold many accounts beside the measured ones.
 */
export async function seedAccounts(dbFile, count, instancesEach) {
  const { SqliteDatabase } = await sqliteBinding();
  const db = new SqliteDatabase(dbFile);
  try {
    const account = db.prepare("INSERT INTO accounts (id, name, tier, rate_limit, created_at) VALUES (?, ?, 'enterprise', NULL, '2020-01-01T00:00:00Z')");
    const instance = db.prepare(`INSERT INTO instances (${SEED_COLUMNS.join(', ')}) VALUES (${SEED_COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (let a = 0; a < count; a++) {
        const accountId = `acc_seed${String(a).padStart(8, '0')}`;
        account.run(accountId, `seeded-${a}`);
        for (let i = 0; i < instancesEach; i++) {
          const row = seedRow(accountId, i);
          // Ids and names unique across the seeded accounts.
          row[0] = `inst_a${String(a).padStart(8, '0')}i${String(i).padStart(4, '0')}`;
          instance.run(row);
        }
      }
    })();
  } finally {
    db.close();
  }
}
