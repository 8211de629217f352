// Server-wide values kept in the database, so every node of a deployment shares them.
import type { Db } from './database.js';

export class SettingsStore {
  constructor(private readonly db: Db) {}

  async get(name: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
    return row?.value;
  }

  /** Stores `value` unless the name is taken; returns whichever value won (safe when nodes race). */
  async putIfAbsent(name: string, value: string): Promise<string> {
    await this.db.insertInto('settings').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).execute();
    return (await this.get(name)) as string;
  }

  /** True for exactly one caller per name, ever. */
  async claimOnce(name: string, value: string): Promise<boolean> {
    const result = await this.db
      .insertInto('settings')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
}
