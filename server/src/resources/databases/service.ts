// Managed databases: validation against the engine catalog, quotas, tenancy, a private address in
// a network, and the lifecycle, which the engine carries out through the database driver.
import { apiTime, storedTime } from '../../clock.js';
import type { Database, Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { DatabaseDriver, DatabaseMetricType } from '../../drivers/database-driver.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { checkQuota } from '../accounts/quotas.js';
import { Operations, type Accepted } from '../actions/operations.js';
import { ActionsService } from '../actions/service.js';
import { databaseEngines, regions } from '../catalog/catalogs.js';
import type { DatabaseEngine, DatabasePlan } from '../catalog/data/database-engines.js';
import { validateLabels } from '../../labels/labels.js';
import { parseLabelSelector } from '../../labels/selector.js';
import { LabelsStore } from '../../labels/store.js';
import { metricsRange, presentMetrics, type MetricsRangeQuery } from '../metrics/series.js';
import { allocateAddress } from '../networks/ipam.js';
import type { NetworksService } from '../networks/service.js';
import type { VpcsService } from '../vpcs/service.js';
import { nextDailySlot } from './backup-slots.js';
import { DatabaseBackupsStore } from './backups-store.js';
import { connectionOf, connectionUri } from './connection.js';
import { generatePassword, scramVerifier } from './credentials.js';
import { busyOrNotOnline, DATABASE_TRANSITIONS, type DatabaseOperation, type DatabaseStatus } from './lifecycle.js';
import { DatabasesStore, type DatabaseRow, type DatabaseSettings } from './store.js';
import { DatabaseUsersStore } from './users-store.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, invalidRequest, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';

const DEFAULT_BACKUPS = { enabled: true, retention_days: 7, hour: 2 };

interface BackupSettings {
  enabled?: boolean;
  retention_days?: number;
  hour?: number;
}

export interface NewDatabase {
  name: string;
  engine?: DatabaseEngine['id'];
  version?: string;
  plan: string;
  region?: string;
  network_id?: string;
  node_count?: number;
  backups?: BackupSettings;
  protection?: { delete: boolean };
  restore_from?: { backup_id: string };
  labels?: Record<string, string>;
}

export interface DatabaseChanges {
  backups?: BackupSettings;
  protection?: { delete: boolean };
  labels?: Record<string, string>;
}

export interface DatabaseQuery {
  region?: string;
  engine?: string;
  network_id?: string;
  label_selector?: string;
  limit?: number;
  cursor?: string;
}

export type DatabaseAccepted = Accepted<DatabaseStatus>;

export type ManagedDatabase = ReturnType<typeof present>;

export class DatabasesService {
  private readonly operations: Operations;

  constructor(
    private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>,
    private readonly uses: { driver: DatabaseDriver; vpcs: VpcsService; networks: NetworksService },
  ) {
    this.operations = new Operations(context);
  }

  async list(caller: AuthContext, query: DatabaseQuery, cursors: Cursors): Promise<Page<ManagedDatabase>> {
    const request = cursors.request('databases', query);
    const { region, engine, network_id } = query;
    const rows = await new DatabasesStore(this.context.database.db).list(
      caller.accountId,
      { region, engine, network_id, regions: caller.regions, selector: parseLabelSelector(query.label_selector ?? '') },
      request,
    );
    const labels = await new LabelsStore(this.context.database.db).forResources(rows.map((r) => r.id));
    return cursors.page('databases', request, rows, (r) => [r.created_at, r.id], (r) => present(r, labels.get(r.id) ?? {}));
  }

  async get(caller: AuthContext, id: string): Promise<ManagedDatabase> {
    return this.presentOne(await this.owned(caller, id));
  }

  /**
   * Creates the database in `provisioning`. The answer carries the admin password, once; `within`
   * (the idempotency record) gets the same answer without it, so the password is never stored.
   */
  async create(caller: Caller, input: NewDatabase, within: Within<ManagedDatabase>): Promise<ManagedDatabase> {
    const labelProblems = validateLabels(input.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const { engine, version, plan, region, restoredFrom } = await this.resolve(caller, input);
    const network = input.network_id ? await this.uses.networks.forInstance(caller, input.network_id, region) : await this.uses.vpcs.defaultNetwork(caller.accountId, region);
    const password = generatePassword();
    const backups = { ...DEFAULT_BACKUPS, ...input.backups };
    const nowMs = this.context.clock();
    const now = storedTime(nowMs);
    const actionId = ActionsService.newId();
    const id = newId('db');
    let row: DatabaseRow | undefined;
    try {
      await this.context.database.db.transaction().execute(async (trx) => {
        await checkQuota(trx, this.context.database.kind, caller.accountId, { databases: 1 });
        row = {
          id,
          account_id: caller.accountId,
          name: input.name,
          region,
          engine: engine.id,
          version,
          plan: plan.id,
          node_count: input.node_count ?? 1,
          network_id: network.id,
          host: await allocateAddress(trx, this.context.database.kind, network.id, id),
          port: engine.port,
          admin_user: engine.admin_user,
          database_name: engine.database_name,
          status: 'provisioning',
          protect_delete: input.protection?.delete ? 1 : 0,
          backups_enabled: backups.enabled ? 1 : 0,
          backup_retention_days: backups.retention_days,
          backup_hour: backups.hour,
          next_backup_at: storedTime(nextDailySlot(nowMs, backups.hour)),
          restored_from: restoredFrom,
          action_id: actionId,
          created_at: now,
          updated_at: now,
        };
        await new DatabasesStore(trx).insert(row);
        await new DatabaseUsersStore(trx).insert({
          id: newId('dbu'),
          database_id: id,
          name: engine.admin_user,
          role: 'admin',
          password_verifier: scramVerifier(password),
          status: 'creating',
          created_at: now,
          updated_at: now,
        });
        await new LabelsStore(trx).replace(id, input.labels ?? {});
        await this.context.actions.enqueue(trx, { accountId: caller.accountId, type: 'create', resourceType: 'database', resourceId: id }, actionId);
        const created = present(row, input.labels ?? {}, null);
        await this.context.events.record(trx, caller, 'database.created', id, { ...created, action_id: actionId });
        await within(trx, created);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw apiError('name_taken', `A database named ${input.name} already exists in ${region}`, [{ field: 'name', message: 'Already in use in this region' }]);
      throw error;
    }
    this.context.poke();
    return present(row as DatabaseRow, input.labels ?? {}, password);
  }

  /** Settings that need no backend work: labels, delete protection, the backup schedule. */
  async update(caller: Caller, id: string, changes: DatabaseChanges): Promise<ManagedDatabase> {
    const labelProblems = validateLabels(changes.labels ?? {});
    if (labelProblems.length > 0) throw invalidRequest('Invalid labels', labelProblems);
    const row = await this.owned(caller, id);
    if (row.status === 'deleting') throw apiError('invalid_state', 'Database is being deleted');
    const settings: DatabaseSettings = {};
    if (changes.protection) settings.protect_delete = changes.protection.delete ? 1 : 0;
    if (changes.backups) {
      const { enabled, retention_days: retention, hour } = changes.backups;
      if (enabled !== undefined) settings.backups_enabled = enabled ? 1 : 0;
      if (retention !== undefined) settings.backup_retention_days = retention;
      if (hour !== undefined) settings.backup_hour = hour;
      // A new hour (or turning backups back on) starts counting from now, so no slot fires twice or late.
      if (hour !== undefined || enabled === true) settings.next_backup_at = storedTime(nextDailySlot(this.context.clock(), hour ?? row.backup_hour));
    }
    await this.context.database.db.transaction().execute(async (trx) => {
      await new DatabasesStore(trx).update(caller.accountId, id, settings, storedTime(this.context.clock()));
      if (changes.labels) await new LabelsStore(trx).replace(id, changes.labels);
      await this.context.events.record(trx, caller, 'database.updated', id, changes);
    });
    return this.get(caller, id);
  }

  async resize(caller: Caller, id: string, input: { plan?: string; node_count?: number }): Promise<DatabaseAccepted> {
    const row = await this.owned(caller, id);
    const engine = databaseEngines.find(row.engine) as DatabaseEngine;
    const plan = input.plan === undefined ? planOf(engine, row.plan) : engine.plans.find((p) => p.id === input.plan);
    if (!plan) throw validationFailed([{ field: 'plan', message: `Not a plan of ${engine.name}` }]);
    if (plan.storage_gb < planOf(engine, row.plan).storage_gb) {
      throw validationFailed([{ field: 'plan', message: `Storage only grows: ${plan.id} has less than the ${planOf(engine, row.plan).storage_gb} GB of ${row.plan}` }]);
    }
    const nodeCount = input.node_count ?? row.node_count;
    if (plan.id === row.plan && nodeCount === row.node_count) throw apiError('already_in_state', `Database already has plan ${plan.id} and ${nodeCount} node(s)`);
    return this.begin(caller, row, 'resize', { plan: plan.id, node_count: nodeCount });
  }

  async delete(caller: Caller, id: string): Promise<DatabaseAccepted> {
    const row = await this.owned(caller, id);
    if (row.protect_delete === 1) throw apiError('delete_protected', 'Database has delete protection; turn it off with PATCH (protection.delete: false) first');
    return this.begin(caller, row, 'delete', {});
  }

  /** A new admin password, shown in this answer only; it works once the action completes. */
  async resetPassword(caller: Caller, id: string) {
    const row = await this.owned(caller, id);
    const password = generatePassword();
    const accepted = await this.begin(caller, row, 'reset_password', { name: row.admin_user, password_verifier: scramVerifier(password) });
    return { ...accepted, user: row.admin_user, password, uri: connectionUri(row, row.admin_user, password) };
  }

  /**
   * Takes the database's action slot (it must be online and idle) and enqueues `operation`, plus
   * `extra` work in the same transaction; a 409 names what is in the way.
   */
  begin(caller: Caller, row: DatabaseRow, operation: DatabaseOperation, params: Record<string, unknown>, extra?: (trx: Database['db'], actionId: string) => Promise<void>): Promise<DatabaseAccepted> {
    const transition = DATABASE_TRANSITIONS[operation];
    return this.operations.start({
      caller,
      resourceType: 'database',
      resource: { id: row.id, status: row.status as DatabaseStatus },
      type: operation,
      transition,
      params,
      events: {
        requested: `database.${operation}_requested`,
        // The password verifier stays out of the event.
        requestedData: { ...(params.name === undefined ? {} : { user: params.name }), ...(operation === 'resize' ? params : {}) },
        statusChanged: 'database.status_changed',
      },
      begin: (trx, actionId) => new DatabasesStore(trx).begin(caller.accountId, row.id, actionId, transition.during, storedTime(this.context.clock())),
      ...(extra ? { alsoIn: extra } : {}),
      whyNot: async () => {
        const now = await this.owned(caller, row.id);
        return busyOrNotOnline(now.status, now.action_id);
      },
    });
  }

  async metrics(caller: AuthContext, id: string, query: { type: DatabaseMetricType } & MetricsRangeQuery) {
    const row = await this.owned(caller, id);
    const range = metricsRange(query, this.context.clock);
    const series = await this.uses.driver.metrics(row.id, { type: query.type, ...range });
    return { database_id: row.id, type: query.type, ...presentMetrics(range, series) };
  }

  /** The caller's database: another account's is a 404; one outside the key's regions is a 403. */
  async owned(caller: AuthContext, id: string): Promise<DatabaseRow> {
    const row = await new DatabasesStore(this.context.database.db).find(caller.accountId, id);
    if (!row) throw notFound(`Database ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private async presentOne(row: DatabaseRow): Promise<ManagedDatabase> {
    return present(row, (await new LabelsStore(this.context.database.db).forResources([row.id])).get(row.id) ?? {});
  }

  /** Engine, version, plan and region: as given, or taken from the backup a restore starts from. */
  private async resolve(caller: AuthContext, input: NewDatabase) {
    const problems: ErrorDetail[] = [];
    let { engine: engineId, version, region } = input;
    let restoredFrom: string | null = null;
    let minimumMb = 0;
    if (input.restore_from !== undefined) {
      const backup = await new DatabaseBackupsStore(this.context.database.db).find(caller.accountId, input.restore_from.backup_id);
      if (!backup || backup.status !== 'available') {
        problems.push({ field: 'restore_from.backup_id', message: backup ? 'Backup is not available' : 'Unknown backup' });
      } else {
        const keep = (field: 'engine' | 'version' | 'region', given: string | undefined, kept: string) => {
          if (given !== undefined && given !== kept) problems.push({ field, message: `A restore keeps the backup's ${field}, ${kept}` });
        };
        keep('engine', engineId, backup.engine);
        keep('version', version, backup.version);
        keep('region', region, backup.region);
        [engineId, version, region] = [backup.engine as DatabaseEngine['id'], backup.version, backup.region];
        restoredFrom = backup.id;
        minimumMb = backup.size_mb ?? 0;
      }
    } else {
      if (engineId === undefined) problems.push({ field: 'engine', message: 'Required unless restoring a backup' });
      if (region === undefined) problems.push({ field: 'region', message: 'Required unless restoring a backup' });
    }
    const engine = engineId === undefined ? undefined : databaseEngines.find(engineId);
    version ??= engine?.default_version;
    if (engine && version !== undefined && !engine.versions.includes(version)) problems.push({ field: 'version', message: `${engine.name} versions: ${engine.versions.join(', ')}` });
    // The catalog lists what the product offers; the driver may run only part of it on this host.
    else if (engine && version !== undefined) {
      const refusal = this.uses.driver.refuses?.(engine.id, version);
      if (refusal) problems.push(refusal);
    }
    const plan = engine?.plans.find((p) => p.id === input.plan);
    if (engine && !plan) problems.push({ field: 'plan', message: `Not a plan of ${engine.name}; see GET /v2/database_engines` });
    if (plan && plan.storage_gb * 1024 < minimumMb) problems.push({ field: 'plan', message: `Too little storage for the backup (${minimumMb} MB)` });
    if (region !== undefined) {
      const known = regions.find(region);
      if (!known) problems.push({ field: 'region', message: 'Invalid region identifier' });
      else if (!known.available) problems.push({ field: 'region', message: 'Region is not accepting new resources' });
    }
    if (problems.length > 0 || !engine || !plan || version === undefined || region === undefined) throw validationFailed(problems);
    assertRegionAccess(caller, region);
    return { engine, version, plan, region, restoredFrom };
  }
}

export function planOf(engine: DatabaseEngine, id: string): DatabasePlan {
  return engine.plans.find((p) => p.id === id) as DatabasePlan;
}

/** The database as the API shows it; `password` only in the create response. */
function present(row: DatabaseRow, labels: Record<string, string>, password: string | null = null) {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    engine: row.engine as DatabaseEngine['id'],
    version: row.version,
    plan: row.plan,
    node_count: row.node_count,
    status: row.status as DatabaseStatus,
    network_id: row.network_id,
    connection: connectionOf(row, password),
    backups: {
      enabled: row.backups_enabled === 1,
      retention_days: row.backup_retention_days,
      hour: row.backup_hour,
      next_backup_at: apiTime(row.next_backup_at),
    },
    protection: { delete: row.protect_delete === 1 },
    restored_from: row.restored_from,
    labels,
    created_at: apiTime(row.created_at),
    updated_at: apiTime(row.updated_at),
  };
}
