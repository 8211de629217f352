// Database users: made and dropped by the backend through the database's action slot. Passwords
// are generated, shown once, and kept only as verifiers; the admin user stays as long as the database.
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import type { Caller } from '../events/origin.js';
import { generatePassword, scramVerifier } from './credentials.js';
import type { DatabaseAccepted, DatabasesService } from './service.js';
import { DatabaseUsersStore, type DatabaseUserRow } from './users-store.js';
import { ApiError } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';
import type { Context } from '../module.js';

/** Names the engines keep for themselves, or that would pass for an operator. */
const RESERVED_NAMES = new Set(['postgres', 'root', 'mysql', 'default', 'admin', 'public', 'replication', 'cnxadmin']);
const RESERVED_PREFIXES = ['pg_', 'mysql_', 'cnx_'];

export type DatabaseUser = ReturnType<typeof present>;

export class DatabaseUsersService {
  constructor(
    private readonly context: Pick<Context, 'clock' | 'database'>,
    private readonly uses: { databases: DatabasesService },
  ) {}

  async list(caller: AuthContext, databaseId: string, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<DatabaseUser>> {
    await this.uses.databases.owned(caller, databaseId);
    const request = cursors.request(`databases/${databaseId}/users`, query);
    const rows = await new DatabaseUsersStore(this.context.database.db).list(databaseId, request);
    return cursors.page(`databases/${databaseId}/users`, request, rows, (r) => [r.created_at, r.id], (r) => present(r, null));
  }

  /** The user, with its password in this answer only; `within` records the answer without it. */
  async create(caller: Caller, databaseId: string, name: string, within: Within<{ user: DatabaseUser; action_id: string }>) {
    const row = await this.uses.databases.owned(caller, databaseId);
    if (RESERVED_NAMES.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p))) throw validationFailed([{ field: 'name', message: `${name} is reserved` }]);
    const password = generatePassword();
    const now = storedTime(this.context.clock());
    const user: DatabaseUserRow = { id: newId('dbu'), database_id: databaseId, name, role: 'normal', password_verifier: scramVerifier(password), status: 'creating', created_at: now, updated_at: now };
    if (await new DatabaseUsersStore(this.context.database.db).find(databaseId, name)) throw conflict(name);
    let accepted: DatabaseAccepted;
    try {
      accepted = await this.uses.databases.begin(caller, row, 'create_user', { name, password_verifier: user.password_verifier }, async (trx, actionId) => {
        await new DatabaseUsersStore(trx).insert(user);
        await within(trx, { user: present(user, null), action_id: actionId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(name);
      throw error;
    }
    return { user: present(user, password), action_id: accepted.action_id };
  }

  async delete(caller: Caller, databaseId: string, name: string): Promise<DatabaseAccepted> {
    const row = await this.uses.databases.owned(caller, databaseId);
    const user = await new DatabaseUsersStore(this.context.database.db).find(databaseId, name);
    if (!user) throw notFound(`User ${name} of database ${databaseId}`);
    if (user.role === 'admin') throw apiError('invalid_state', `${name} is the database's admin user; it cannot be deleted`);
    if (user.status !== 'active') throw apiError('invalid_state', `User ${name} is ${user.status}`);
    return this.uses.databases.begin(caller, row, 'delete_user', { name }, (trx) => new DatabaseUsersStore(trx).update(databaseId, name, { status: 'deleting' }, storedTime(this.context.clock())));
  }
}

function conflict(name: string): ApiError {
  return apiError('name_taken', `The database already has a user named ${name}`, [{ field: 'name', message: 'Already in use in this database' }]);
}

function present(row: DatabaseUserRow, password: string | null) {
  return { name: row.name, role: row.role as 'admin' | 'normal', status: row.status as 'creating' | 'active' | 'deleting', password, created_at: apiTime(row.created_at) };
}
