// Images: the OS catalog and the account's custom images in one list. A custom image is made by
// an instance's snapshot (the instances module starts it and records the image here), used by a
// create or a rebuild in its own region only, and deleted through an action.
import { apiTime, storedTime } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { isIdPosition } from '../../db/page.js';
import type { Cursors, Page } from '../../http/pagination.js';
import type { ErrorDetail } from '../../errors/api-error.js';
import { apiError, notFound } from '../../errors/catalog.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { Operations } from '../actions/operations.js';
import { images as osImages } from '../catalog/catalogs.js';
import type { Image as OsImage } from '../catalog/data/images.js';
import type { Caller, EventOrigin } from '../events/origin.js';
import { systemOrigin } from '../events/origin.js';
import { instancesBuildingFrom } from '../instances/queries.js';
import type { Context } from '../module.js';
import { IMAGE_TRANSITIONS, isCustomImageId, type ImageStatus, type ImageType } from './lifecycle.js';
import { ImagesStore, type ImageRow } from './store.js';

export interface Image {
  id: string;
  type: ImageType;
  name: string;
  distribution: string;
  version: string;
  architecture: 'x86_64';
  status: ImageStatus;
  region: string | null;
  source_instance_id: string | null;
  size_gb: number | null;
  created_at: string | null;
}

/** What a snapshot needs to know of the instance it captures. */
export interface SnapshotSource {
  id: string;
  account_id: string;
  region: string;
  image: string;
}

export class ImagesService {
  private readonly operations: Operations;

  constructor(private readonly context: Pick<Context, 'actions' | 'clock' | 'database' | 'events' | 'poke'>) {
    this.operations = new Operations(context);
  }

  /** OS and custom images merged in id order, so one id cursor pages through both. */
  async list(caller: AuthContext, query: { type?: ImageType; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<Image>> {
    const request = cursors.request('images', query, isIdPosition);
    const after = request.after?.[0] ?? null;
    const wanted = request.limit + 1;
    const os = query.type === 'custom' ? [] : osImages.after(after, wanted).map(presentOs);
    const custom = query.type === 'os' ? [] : (await this.store().page(caller.accountId, caller.regions, after, wanted)).map(present);
    const merged = [...os, ...custom].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, wanted);
    return cursors.page('images', request, merged, (image) => [image.id], (image) => image);
  }

  async get(caller: AuthContext, id: string): Promise<Image> {
    if (!isCustomImageId(id)) {
      const os = osImages.find(id);
      if (!os) throw notFound(`Image ${id}`);
      return presentOs(os);
    }
    return present(await this.owned(caller, id));
  }

  /**
   * Why `image` cannot be built from in `region`, as a 422 detail, or null when it can. Another
   * account's image reads as unknown, exactly like a bad slug, so its existence does not leak.
   */
  async unusable(caller: AuthContext, image: string, region: string): Promise<ErrorDetail | null> {
    const unknown = { field: 'image', message: 'Unknown image slug or id' };
    if (!isCustomImageId(image)) return osImages.find(image) ? null : unknown;
    const row = await this.store().find(caller.accountId, image);
    if (!row) return unknown;
    if (row.region !== region) return { field: 'image', message: `Image ${image} is in ${row.region}; a custom image is used in its own region only` };
    if (row.status !== 'available') return { field: 'image', message: `Image ${image} is ${row.status}, not available` };
    return null;
  }

  /** Records the image a snapshot of `source` makes, in the transaction that starts the snapshot. */
  async record(trx: Db, origin: EventOrigin, source: SnapshotSource, image: { id: string; name: string }, actionId: string): Promise<Image> {
    const now = storedTime(this.context.clock());
    const row: ImageRow = {
      id: image.id,
      account_id: source.account_id,
      name: image.name,
      region: source.region,
      ...(await lineage(trx, source)),
      source_instance_id: source.id,
      size_gb: null,
      status: 'creating',
      action_id: null,
      created_at: now,
      updated_at: now,
    };
    await new ImagesStore(trx).insert(row);
    const created = present(row);
    await this.context.events.record(trx, origin, 'image.created', row.id, { ...created, action_id: actionId });
    return created;
  }

  /** The snapshot's outcome, in the transaction that ends it: `available` with its size, or `errored` (null). */
  async settleSnapshot(trx: Db, accountId: string, imageId: string, sizeGb: number | null): Promise<void> {
    const status = sizeGb === null ? 'errored' : 'available';
    await new ImagesStore(trx).settle(imageId, sizeGb === null ? { status } : { status, size_gb: sizeGb }, storedTime(this.context.clock()));
    await this.context.events.statusChanged(trx, systemOrigin(accountId), 'image.status_changed', imageId, { previous: 'creating', status });
  }

  /**
   * Deletes a custom image through an action. One being captured, or that an instance is being
   * created or rebuilt from right now, is a 409: the build copies it when its action runs.
   */
  async delete(caller: Caller, id: string) {
    if (!isCustomImageId(id)) {
      if (!osImages.find(id)) throw notFound(`Image ${id}`);
      throw apiError('public_image', `Image ${id} is an OS image from the catalog; only custom images can be deleted`);
    }
    const row = await this.owned(caller, id);
    const building = await instancesBuildingFrom(this.context.database.db, id);
    if (building.length > 0) throw apiError('has_dependents', `Instances are being built from image ${id} (${building.join(', ')}); delete it when they are done`);
    const transition = IMAGE_TRANSITIONS.delete;
    return this.operations.start({
      caller,
      resourceType: 'image',
      resource: { id, status: row.status as ImageStatus },
      type: 'delete',
      transition,
      params: { previous_status: row.status },
      events: { requested: 'image.delete_requested', statusChanged: 'image.status_changed' },
      begin: (trx, actionId) => new ImagesStore(trx).begin(caller.accountId, id, actionId, transition.from, transition.during, storedTime(this.context.clock())),
      whyNot: async () => {
        const now = await this.owned(caller, id);
        if (now.action_id !== null) return apiError('resource_busy', `Image is busy (${now.status}) with action ${now.action_id}; retry when it completes`);
        return apiError('invalid_state', `Cannot delete an image that is ${now.status}`);
      },
    });
  }

  private async owned(caller: AuthContext, id: string): Promise<ImageRow> {
    const row = await this.store().find(caller.accountId, id);
    if (!row) throw notFound(`Image ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private store(): ImagesStore {
    return new ImagesStore(this.context.database.db);
  }
}

/** The distribution a snapshot of `source` carries: its OS image's, or that of the custom image it was built from. */
async function lineage(db: Db, source: SnapshotSource): Promise<{ distribution: string; version: string }> {
  const os = osImages.find(source.image);
  if (os) return { distribution: os.distribution, version: os.version };
  const parent = await new ImagesStore(db).find(source.account_id, source.image);
  return parent ? { distribution: parent.distribution, version: parent.version } : { distribution: 'unknown', version: 'unknown' };
}

function presentOs(image: OsImage): Image {
  return { ...image, type: 'os', status: 'available', region: null, source_instance_id: null, size_gb: null, created_at: null };
}

function present(row: ImageRow): Image {
  return {
    id: row.id,
    type: 'custom',
    name: row.name,
    distribution: row.distribution,
    version: row.version,
    architecture: 'x86_64',
    status: row.status as ImageStatus,
    region: row.region,
    source_instance_id: row.source_instance_id,
    size_gb: row.size_gb,
    created_at: apiTime(row.created_at),
  };
}
