// The simulated storage backend's disks and snapshot images, kept in the database like its machines.
import type { Db } from '../../db/database.js';
import { simDb, type SimDb } from './migrations.js';
import type { SimDisksTable } from './tables.js';

export type SimDisk = SimDisksTable;

export class SimDisksStore {
  private readonly db: SimDb;

  constructor(db: Db) {
    this.db = simDb(db);
  }

  async find(id: string): Promise<SimDisk | undefined> {
    return this.db.selectFrom('sim_disks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Inserts unless it exists (a repeated create is a no-op). */
  async insert(disk: SimDisk): Promise<void> {
    await this.db.insertInto('sim_disks').values(disk).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  async update(id: string, changes: Partial<Pick<SimDisk, 'size_gb' | 'attached_to'>>): Promise<boolean> {
    const result = await this.db.updateTable('sim_disks').set(changes).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('sim_disks').where('id', '=', id).execute();
  }
}
