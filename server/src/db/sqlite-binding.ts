// better-sqlite3 for the Node running us. 12 is the last major that works on Node 20 (13 is built
// on Node-API 10, which Node 20 lacks: its addon crashes there), and 12 aborts the process under
// Node 24 when a statement is finalized (WiseLibs/better-sqlite3#1515). Both are installed, 13
// under the alias better-sqlite3-napi with its prebuilt addon, and each Node loads the one that
// runs on it. Their JavaScript APIs are the same for everything we call.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/** The Node-API version better-sqlite3 13 needs (Node 22.14+, 23.6+, 24). */
const NAPI_FOR_13 = 10;

export const sqlitePackage = Number(process.versions.napi) >= NAPI_FOR_13 ? 'better-sqlite3-napi' : 'better-sqlite3';

export const SqliteDatabase = createRequire(import.meta.url)(sqlitePackage) as typeof BetterSqlite3;
