import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { operate, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { PatchSnapshot, Snapshot, SnapshotDeleteAccepted } from '../models.js';

export interface SnapshotListParams extends PageParams {
  volume_id?: string;
  region?: string;
}

/** Point-in-time copies of volumes: take one with `volumes.snapshot`, restore with `volumes.create({ snapshot_id })`. */
export class Snapshots extends AsyncAPIResource {
  list(params: SnapshotListParams = {}, options?: RequestOptions): PagePromise<Snapshot> {
    return listPages(params, (query) => this.transport.op('listSnapshots', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<Snapshot> {
    return this.transport.op('getSnapshot', { path: { id } }, options);
  }

  /** Renames the snapshot (a JSON merge-patch; names may repeat). */
  update(id: string, body: PatchSnapshot, options?: RequestOptions): Promise<Snapshot> {
    return this.transport.op('patchSnapshot', { path: { id }, body }, options);
  }

  delete<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O, SnapshotDeleteAccepted>> {
    return operate(this.waiter, (o) => this.transport.op('deleteSnapshot', { path: { id } }, o), options);
  }
}
