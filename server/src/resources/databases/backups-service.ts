// Database backups: listed per database; taken by the daily scheduler, restored by a create with
// `restore_from`.
import { apiTime } from '../../clock.js';
import type { Cursors, Page } from '../../http/pagination.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { DatabaseBackupsStore, type DatabaseBackupRow } from './backups-store.js';
import type { DatabasesService } from './service.js';
import type { Context } from '../module.js';

export type DatabaseBackup = ReturnType<typeof present>;

export class DatabaseBackupsService {
  constructor(
    private readonly context: Pick<Context, 'database'>,
    private readonly uses: { databases: DatabasesService },
  ) {}

  async list(caller: AuthContext, databaseId: string, query: { limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<DatabaseBackup>> {
    await this.uses.databases.owned(caller, databaseId);
    const request = cursors.request(`databases/${databaseId}/backups`, query);
    const rows = await new DatabaseBackupsStore(this.context.database.db).list(databaseId, request);
    return cursors.page(`databases/${databaseId}/backups`, request, rows, (r) => [r.created_at, r.id], present);
  }
}

function present(row: DatabaseBackupRow) {
  return {
    id: row.id,
    database_id: row.database_id,
    region: row.region,
    engine: row.engine as 'postgres' | 'mysql' | 'redis',
    version: row.version,
    plan: row.plan,
    size_mb: row.size_mb,
    status: row.status as 'creating' | 'available' | 'deleting',
    created_at: apiTime(row.created_at),
  };
}
