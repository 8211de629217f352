import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import type { Transport } from '../core/transport.js';
import { createAndWait, operate, type ActionWaiter, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { AttachVolume, CreateSnapshot, CreateVolume, ResizeVolume, Snapshot, UpdateVolume, Volume, VolumeActionAccepted } from '../models.js';
import type { Snapshots } from './snapshots.js';

export interface VolumeListParams extends PageParams {
  region?: string;
  attachment_state?: 'attached' | 'detached';
  instance_id?: string;
  /** Kubernetes label selector grammar, e.g. `env=prod,tier in (api,web),!legacy`. */
  label_selector?: string;
}

/** A volume operation's outcome: the finished action with `{ wait: true }`, else the accepted 202 body. */
export type VolumeOperationResult<O> = OperationResult<O, VolumeActionAccepted>;

/** Block storage. Restore a snapshot with `create({ name, snapshot_id })`. */
export class Volumes extends AsyncAPIResource {
  constructor(
    transport: Transport,
    waiter: ActionWaiter,
    /** A new snapshot is read back through `snapshots.retrieve`, the one method of its operation. */
    private readonly snapshots: Snapshots,
  ) {
    super(transport, waiter);
  }

  list(params: VolumeListParams = {}, options?: RequestOptions): PagePromise<Volume> {
    return listPages(params, (query) => this.transport.op('listVolumes', { query }, options));
  }

  /** Answers at once in `creating`; with `{ wait: true }` it returns the volume once `available`. */
  create(body: CreateVolume, options: WaitableOptions = {}): Promise<Volume> {
    const send = (o: RequestOptions) => this.transport.op('createVolume', { body }, o);
    return createAndWait(this.waiter, 'Volume', send, (id, o) => this.retrieve(id, o), options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Volume> {
    return this.transport.op('getVolume', { path: { id } }, options);
  }

  /** Renames the volume or changes its labels or protection: a JSON merge-patch (a label set to null is removed). */
  update(id: string, body: UpdateVolume, options?: RequestOptions): Promise<Volume> {
    return this.transport.op('patchVolume', { path: { id }, body }, options);
  }

  /** Refused (ConflictError) while the volume is attached. */
  delete<O extends WaitableOptions>(id: string, options?: O): Promise<VolumeOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('deleteVolume', { path: { id } }, o), options);
  }

  /** Attaches to an instance in the same region. */
  attach<O extends WaitableOptions>(id: string, body: AttachVolume, options?: O): Promise<VolumeOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('attachVolume', { path: { id }, body }, o), options);
  }

  detach<O extends WaitableOptions>(id: string, options?: O): Promise<VolumeOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('detachVolume', { path: { id } }, o), options);
  }

  /** Volumes only grow. */
  resize<O extends WaitableOptions>(id: string, body: ResizeVolume, options?: O): Promise<VolumeOperationResult<O>> {
    return operate(this.waiter, (o) => this.transport.op('resizeVolume', { path: { id }, body }, o), options);
  }

  /** Takes a snapshot; with `{ wait: true }` it returns the snapshot once `available`. */
  snapshot(id: string, body: CreateSnapshot, options: WaitableOptions = {}): Promise<Snapshot> {
    const send = (o: RequestOptions) => this.transport.op('createSnapshot', { path: { id }, body }, o);
    return createAndWait(this.waiter, 'Snapshot', send, (snapshotId, o) => this.snapshots.retrieve(snapshotId, o), options);
  }
}
