// What each database and backup action does: the database driver call, then the resource's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { DatabaseDriver } from '../../drivers/database-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import type { EventsRecorder } from '../events/recorder.js';
import { databaseEngines } from '../catalog/catalogs.js';
import type { DatabaseEngine } from '../catalog/data/database-engines.js';
import { findNetwork, releaseAddressOf } from '../networks/queries.js';
import { settlement } from '../actions/settlement.js';
import { DatabaseBackupsStore } from './backups-store.js';
import { planOf } from './service.js';
import { DatabasesStore, type DatabaseRow } from './store.js';
import { DatabaseUsersStore } from './users-store.js';

interface Params {
  plan?: string;
  node_count?: number;
  name?: string;
  password_verifier?: string;
}

export function databaseActionHandlers(db: Db, driver: DatabaseDriver, clock: Clock, events: EventsRecorder): ActionHandlers {
  const params = (action: ActionRow) => JSON.parse(action.params) as Params;
  const now = () => storedTime(clock());
  // Everything a database holds in the control plane goes with it, its address included.
  const settle = settlement({
    noun: 'database',
    store: (trx) => new DatabasesStore(trx),
    db,
    clock,
    events,
    async alsoRemove(trx, id) {
      await new DatabaseBackupsStore(trx).removeAll(id);
      await new DatabaseUsersStore(trx).removeAll(id);
      await releaseAddressOf(trx, id);
    },
  });
  const { load, record, remove } = settle;
  /** Ends the action on the database (releasing its slot), with `changes` if any. */
  const end = (trx: Db, action: ActionRow, changes: Parameters<DatabasesStore['end']>[2] = {}) => settle.end(trx, action, changes);
  const size = (row: DatabaseRow, planId: string, nodeCount: number) => {
    const plan = planOf(databaseEngines.find(row.engine) as DatabaseEngine, planId);
    return { cpu: plan.cpu, memoryGb: plan.memory_gb, storageGb: plan.storage_gb, nodeCount };
  };
  const online = (trx: Db, action: ActionRow) => end(trx, action, { status: 'online' });
  const usersStore = (trx: Db, action: ActionRow) => ({ store: new DatabaseUsersStore(trx), name: params(action).name as string });

  return {
    'database.create': {
      async perform(action) {
        const row = await load(action);
        const admin = await new DatabaseUsersStore(db).find(row.id, row.admin_user);
        if (!admin) throw new DriverError(`database ${row.id} has no admin user`, false);
        const network = await findNetwork(db, row.account_id, row.network_id);
        if (!network) throw new DriverError(`database ${row.id} has no network`, false);
        await driver.createDatabase({
          databaseId: row.id,
          engine: row.engine as DatabaseEngine['id'],
          version: row.version,
          region: row.region,
          ...size(row, row.plan, row.node_count),
          network: { id: network.id, vpcId: network.vpc_id, ipRange: network.ip_range },
          host: row.host,
          port: row.port,
          databaseName: row.database_name,
          admin: { name: admin.name, passwordVerifier: admin.password_verifier },
          restoreFromBackupId: row.restored_from,
        });
      },
      async succeed(trx, action) {
        await online(trx, action);
        const row = (await new DatabasesStore(trx).findById(action.resource_id)) as DatabaseRow;
        await new DatabaseUsersStore(trx).update(row.id, row.admin_user, { status: 'active' }, now());
      },
      fail: remove,
    },
    'database.resize': {
      async perform(action) {
        const { plan, node_count: nodeCount } = params(action);
        await driver.resizeDatabase(action.resource_id, size(await load(action), plan as string, nodeCount as number));
      },
      async succeed(trx, action) {
        const { plan, node_count: nodeCount } = params(action);
        await end(trx, action, { status: 'online', plan, node_count: nodeCount });
        await record(trx, action, 'database.resized', { plan, node_count: nodeCount });
      },
      fail: online,
    },
    'database.delete': {
      async perform(action) {
        // Its backups go with it.
        for (const backupId of await new DatabaseBackupsStore(db).idsOf(action.resource_id)) await driver.deleteBackup(backupId);
        await driver.deleteDatabase(action.resource_id);
      },
      succeed: remove,
      fail: online,
    },
    'database.reset_password': {
      perform: (action) => driver.putUser(action.resource_id, { name: params(action).name as string, passwordVerifier: params(action).password_verifier as string }),
      async succeed(trx, action) {
        const { store, name } = usersStore(trx, action);
        await store.update(action.resource_id, name, { password_verifier: params(action).password_verifier as string }, now());
        await end(trx, action);
        await record(trx, action, 'database.password_reset', { user: name });
      },
      // The old password still works.
      fail: (trx, action) => end(trx, action),
    },
    'database.create_user': {
      perform: (action) => driver.putUser(action.resource_id, { name: params(action).name as string, passwordVerifier: params(action).password_verifier as string }),
      async succeed(trx, action) {
        const { store, name } = usersStore(trx, action);
        await store.update(action.resource_id, name, { status: 'active' }, now());
        await end(trx, action);
        await record(trx, action, 'database.user_created', { user: name });
      },
      async fail(trx, action) {
        const { store, name } = usersStore(trx, action);
        await store.remove(action.resource_id, name);
        await end(trx, action);
      },
    },
    'database.delete_user': {
      perform: (action) => driver.deleteUser(action.resource_id, params(action).name as string),
      async succeed(trx, action) {
        const { store, name } = usersStore(trx, action);
        await store.remove(action.resource_id, name);
        await end(trx, action);
        await record(trx, action, 'database.user_deleted', { user: name });
      },
      async fail(trx, action) {
        const { store, name } = usersStore(trx, action);
        await store.update(action.resource_id, name, { status: 'active' }, now());
        await end(trx, action);
      },
    },
    'database_backup.create': {
      async perform(action) {
        const backup = await new DatabaseBackupsStore(db).findById(action.resource_id);
        if (!backup) throw new DriverError(`backup ${action.resource_id} no longer exists`, false);
        return driver.createBackup(backup.database_id, backup.id);
      },
      async succeed(trx, action, result) {
        const sizeMb = (result as { sizeMb: number }).sizeMb;
        await new DatabaseBackupsStore(trx).end(action.resource_id, action.id, { status: 'available', size_mb: sizeMb }, now());
        await record(trx, action, 'database_backup.created', { size_mb: sizeMb });
      },
      fail: (trx, action) => new DatabaseBackupsStore(trx).remove(action.resource_id),
    },
    'database_backup.delete': {
      perform: (action) => driver.deleteBackup(action.resource_id),
      async succeed(trx, action) {
        await new DatabaseBackupsStore(trx).remove(action.resource_id);
        await record(trx, action, 'database_backup.deleted');
      },
      async fail(trx, action) {
        await new DatabaseBackupsStore(trx).end(action.resource_id, action.id, { status: 'available' }, now());
      },
    },
  };
}
