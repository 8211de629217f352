// The simulated database backend's servers and backup images, kept in the database like its machines.
import type { Db } from '../../db/database.js';
import { simDb, type SimDb } from './migrations.js';
import type { SimDatabasesTable } from './tables.js';

export type SimDatabase = SimDatabasesTable;

export class SimDatabasesStore {
  private readonly db: SimDb;

  constructor(db: Db) {
    this.db = simDb(db);
  }

  async find(id: string): Promise<SimDatabase | undefined> {
    return this.db.selectFrom('sim_databases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Inserts unless it exists (a repeated create is a no-op). */
  async insert(row: SimDatabase): Promise<void> {
    await this.db.insertInto('sim_databases').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  async update(id: string, changes: Partial<Pick<SimDatabase, 'storage_gb' | 'node_count' | 'users'>>): Promise<boolean> {
    const result = await this.db.updateTable('sim_databases').set(changes).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('sim_databases').where('id', '=', id).execute();
  }
}
