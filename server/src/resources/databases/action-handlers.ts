// What each database and backup action does: the database driver call, then the resource's state.
import { storedTime, type Clock } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { DriverError } from '../../drivers/compute-driver.js';
import type { DatabaseDriver } from '../../drivers/database-driver.js';
import type { ActionHandlers } from '../../engine/action-handler.js';
import type { ActionRow } from '../../engine/actions-queue.js';
import { systemOrigin } from '../events/origin.js';
import type { EventsRecorder } from '../events/recorder.js';
import type { EventType } from '../events/types.js';
import { databaseEngines } from '../catalog/catalogs.js';
import type { DatabaseEngine } from '../catalog/data/database-engines.js';
import { LabelsStore } from '../../labels/store.js';
import { findNetwork, releaseAddressOf } from '../networks/queries.js';
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
  const load = async (action: ActionRow): Promise<DatabaseRow> => {
    const row = await new DatabasesStore(db).findById(action.resource_id);
    if (!row) throw new DriverError(`database ${action.resource_id} no longer exists`, false);
    return row;
  };
  const size = (row: DatabaseRow, planId: string, nodeCount: number) => {
    const plan = planOf(databaseEngines.find(row.engine) as DatabaseEngine, planId);
    return { cpu: plan.cpu, memoryGb: plan.memory_gb, storageGb: plan.storage_gb, nodeCount };
  };
  /** What the engine did, recorded with the engine as the actor. */
  const record = (trx: Db, action: ActionRow, type: EventType, data: object = {}) =>
    events.record(trx, systemOrigin(action.account_id), type, action.resource_id, { action_id: action.id, ...data });
  /** Ends the action on the database, and records the status it leaves. */
  const end = async (trx: Db, action: ActionRow, changes: Parameters<DatabasesStore['end']>[2] = {}) => {
    const before = await new DatabasesStore(trx).findById(action.resource_id);
    await new DatabasesStore(trx).end(action.resource_id, action.id, changes, now());
    if (before && changes.status !== undefined) {
      await events.statusChanged(trx, systemOrigin(action.account_id), 'database.status_changed', action.resource_id, { previous: before.status, status: changes.status }, { action_id: action.id });
    }
  };
  const online = (trx: Db, action: ActionRow) => end(trx, action, { status: 'online' });
  /** Everything the database holds in the control plane, its address included. */
  const remove = async (trx: Db, action: ActionRow) => {
    const id = action.resource_id;
    await new DatabaseBackupsStore(trx).removeAll(id);
    await new DatabaseUsersStore(trx).removeAll(id);
    await new LabelsStore(trx).remove(id);
    await releaseAddressOf(trx, id);
    await new DatabasesStore(trx).remove(id);
    await record(trx, action, 'database.deleted');
  };
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
