// The simulated network's public-address routes, kept in the database like its machines, so a
// restart of the server keeps them the way a real network would.
import type { Db } from '../../db/database.js';
import { simDb, type SimDb } from './migrations.js';

export class SimPublicRoutesStore {
  private readonly db: SimDb;

  constructor(db: Db) {
    this.db = simDb(db);
  }

  async routeOf(ip: string): Promise<string | undefined> {
    return (await this.db.selectFrom('sim_public_routes').select('instance_id').where('ip', '=', ip).executeTakeFirst())?.instance_id;
  }

  /** Points the address at the instance, wherever it pointed before. */
  async route(ip: string, instanceId: string): Promise<void> {
    await this.db.insertInto('sim_public_routes').values({ ip, instance_id: instanceId }).onConflict((oc) => oc.column('ip').doUpdateSet({ instance_id: instanceId })).execute();
  }

  async remove(ip: string): Promise<void> {
    await this.db.deleteFrom('sim_public_routes').where('ip', '=', ip).execute();
  }
}
