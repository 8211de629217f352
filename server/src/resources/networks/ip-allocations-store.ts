import type { Db } from '../../db/database.js';

export class IpAllocationsStore {
  constructor(private readonly db: Db) {}

  async taken(networkId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('ip_allocations').select('address').where('network_id', '=', networkId).execute();
    return new Set(rows.map((r) => r.address));
  }

  async insert(networkId: string, address: string, instanceId: string): Promise<void> {
    await this.db.insertInto('ip_allocations').values({ network_id: networkId, address, instance_id: instanceId }).execute();
  }

  async addressOf(instanceId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('ip_allocations').select('address').where('instance_id', '=', instanceId).executeTakeFirst();
    return row?.address;
  }

  async releaseFor(instanceId: string): Promise<void> {
    await this.db.deleteFrom('ip_allocations').where('instance_id', '=', instanceId).execute();
  }
}
