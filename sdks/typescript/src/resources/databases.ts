import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import type { Transport } from '../core/transport.js';
import { operate, type ActionWaiter, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type {
  CreateDatabase,
  CreateDatabaseUser,
  Database,
  DatabaseActionAccepted,
  DatabaseBackup,
  DatabaseMetrics,
  DatabasePasswordReset,
  DatabaseUser,
  DatabaseUserCreated,
  ResizeDatabase,
  UpdateDatabase,
} from '../models.js';

export interface DatabaseListParams extends PageParams {
  region?: string;
  engine?: Database['engine'];
  network_id?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

export interface DatabaseMetricsParams {
  type: DatabaseMetrics['type'];
  /** ISO-8601; default one hour before `end`. */
  start?: string;
  /** ISO-8601; default now. */
  end?: string;
  /** Seconds between points, 10-86400; default 60. */
  step?: number;
}

/** A database operation's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type DatabaseOperationResult<O> = OperationResult<O, DatabaseActionAccepted>;

/** The users of one database. Passwords are shown only in `create`'s answer. */
export class DatabaseUsers extends AsyncAPIResource {
  list(databaseId: string, params: PageParams = {}, options?: RequestOptions): PagePromise<DatabaseUser> {
    return listPages(params, (query) => this.transport.op('listDatabaseUsers', { path: { id: databaseId }, query }, options));
  }

  /** Creates the user; with `{ wait: true }` it returns once the user can log in. */
  async create(databaseId: string, body: CreateDatabaseUser, options: WaitableOptions = {}): Promise<DatabaseUserCreated> {
    const { wait, waitTimeout, ...requestOptions } = options;
    const created = await this.transport.op('createDatabaseUser', { path: { id: databaseId }, body }, requestOptions);
    if (wait) await this.waiter.untilDone(created.action_id, { ...requestOptions, waitTimeout });
    return created;
  }

  delete<O extends WaitableOptions>(databaseId: string, name: string, options?: O): Promise<DatabaseOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteDatabaseUser', { path: { id: databaseId, name } }, o), options);
  }
}

export class Databases extends AsyncAPIResource {
  readonly users: DatabaseUsers;

  constructor(transport: Transport, waiter: ActionWaiter) {
    super(transport, waiter);
    this.users = new DatabaseUsers(transport, waiter);
  }

  list(params: DatabaseListParams = {}, options?: RequestOptions): PagePromise<Database> {
    return listPages(params, (query) => this.transport.op('listDatabases', { query }, options));
  }

  /**
   * Creates a database (or restores one, with `restore_from`); it answers at once with status
   * `provisioning` and the admin password, which is shown nowhere else. With `{ wait: true }` it
   * waits for the create action and returns the database as it is then (`online`), password kept.
   */
  async create(body: CreateDatabase, options: WaitableOptions = {}): Promise<Database> {
    const { wait, waitTimeout, ...requestOptions } = options;
    const database = await this.transport.op('createDatabase', { body }, requestOptions);
    if (!wait) return database;
    await this.waiter.untilCreated('Database', database.id, { ...requestOptions, waitTimeout });
    const online = await this.retrieve(database.id, requestOptions);
    return { ...online, connection: { ...online.connection, password: database.connection.password, uri: database.connection.uri } };
  }

  retrieve(id: string, options?: RequestOptions): Promise<Database> {
    return this.transport.op('getDatabase', { path: { id } }, options);
  }

  /** Labels, delete protection and the backup schedule; applied at once. */
  update(id: string, body: UpdateDatabase, options?: RequestOptions): Promise<Database> {
    return this.transport.op('updateDatabase', { path: { id }, body }, options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<DatabaseOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteDatabase', { path: { id } }, o), options);
  }

  resize<O extends WaitableOptions>(id: string, body: ResizeDatabase, options?: O): Promise<DatabaseOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('resizeDatabase', { path: { id }, body }, o), options);
  }

  /** A new admin password, shown in this answer only; with `{ wait: true }` it returns once it works. */
  async resetPassword(id: string, options: WaitableOptions = {}): Promise<DatabasePasswordReset> {
    const { wait, waitTimeout, ...requestOptions } = options;
    const reset = await this.transport.op('resetDatabasePassword', { path: { id } }, requestOptions);
    if (wait) await this.waiter.untilDone(reset.action_id, { ...requestOptions, waitTimeout });
    return reset;
  }

  metrics(id: string, params: DatabaseMetricsParams, options?: RequestOptions): Promise<DatabaseMetrics> {
    return this.transport.op('getDatabaseMetrics', { path: { id }, query: params }, options);
  }

  /** The daily backups of one database, newest first; restore one with `create({ restore_from: { backup_id } })`. */
  backups(id: string, params: PageParams = {}, options?: RequestOptions): PagePromise<DatabaseBackup> {
    return listPages(params, (query) => this.transport.op('listDatabaseBackups', { path: { id }, query }, options));
  }
}
