import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { BackupPolicy, CreateBackupPolicy, PatchBackupPolicy, UpdateBackupPolicy } from '../models.js';

/** Scheduled snapshots of volumes (by id or label selector), keeping the newest `retention_count`. */
export class BackupPolicies extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<BackupPolicy> {
    return listPages(params, (query) => this.transport.op('listBackupPolicies', { query }, options));
  }

  create(body: CreateBackupPolicy, options?: RequestOptions): Promise<BackupPolicy> {
    return this.transport.op('createBackupPolicy', { body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<BackupPolicy> {
    return this.transport.op('getBackupPolicy', { path: { id } }, options);
  }

  /** Renames the policy (a JSON merge-patch); `update` changes its schedule and targets. */
  patch(id: string, body: PatchBackupPolicy, options?: RequestOptions): Promise<BackupPolicy> {
    return this.transport.op('patchBackupPolicy', { path: { id }, body }, options);
  }

  update(id: string, body: UpdateBackupPolicy, options?: RequestOptions): Promise<BackupPolicy> {
    return this.transport.op('updateBackupPolicy', { path: { id }, body }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteBackupPolicy', { path: { id } }, options);
  }
}
