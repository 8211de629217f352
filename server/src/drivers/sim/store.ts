// The simulated hypervisor's memory of its machines, kept in the database so it survives restarts
// the way a real hypervisor's would.
import type { Db } from '../../db/database.js';
import { simDb, type SimDb } from './migrations.js';
import type { SimMachinesTable } from './tables.js';

export type SimMachine = SimMachinesTable;

export class SimMachinesStore {
  private readonly db: SimDb;

  constructor(db: Db) {
    this.db = simDb(db);
  }

  async find(instanceId: string): Promise<SimMachine | undefined> {
    return this.db.selectFrom('sim_machines').selectAll().where('instance_id', '=', instanceId).executeTakeFirst();
  }

  /** Inserts unless the machine exists (a repeated create is a no-op). */
  async insert(machine: SimMachine): Promise<void> {
    await this.db.insertInto('sim_machines').values(machine).onConflict((oc) => oc.column('instance_id').doNothing()).execute();
  }

  async update(instanceId: string, changes: Partial<Pick<SimMachine, 'power' | 'cpu' | 'memory_gb'>>): Promise<boolean> {
    const result = await this.db.updateTable('sim_machines').set(changes).where('instance_id', '=', instanceId).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async remove(instanceId: string): Promise<void> {
    await this.db.deleteFrom('sim_machines').where('instance_id', '=', instanceId).execute();
  }
}
