// Container images: uploaded archives, checked and unpacked once (oci/), kept per account and
// region. An upload that is refused for any reason leaves no row and no files behind.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { apiTime, storedTime } from '../../clock.js';
import type { Within } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { ApiError } from '../../errors/api-error.js';
import { apiError, notFound, validationFailed } from '../../errors/catalog.js';
import type { Cursors, Page } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { ImageArchiveError } from '../../oci/errors.js';
import { unpackImageArchive, type ImageRunConfig } from '../../oci/image-archive.js';
import { saveCapped, UploadTooLarge } from '../../oci/receive.js';
import type { AuthContext } from '../api-keys/auth-context.js';
import { assertRegionAccess } from '../api-keys/region-access.js';
import { regionProblem } from '../catalog/region-problem.js';
import { containersUsingImage } from '../containers/queries.js';
import type { Caller } from '../events/origin.js';
import type { Context } from '../module.js';
import { ContainerImageFiles } from './files.js';
import { ContainerImagesStore, type ContainerImageRow } from './store.js';

export interface ContainerImage extends Omit<ImageRunConfig, 'user'> {
  id: string;
  name: string;
  region: string;
  digest: string;
  size_bytes: number;
  layers: number;
  created_at: string;
}

/** What a container needs of its image to run it. */
export interface RunnableImage {
  rootfs: string;
  config: ImageRunConfig;
}

export class ContainerImagesService {
  private readonly files: ContainerImageFiles;

  constructor(private readonly context: Pick<Context, 'clock' | 'config' | 'database' | 'events'>) {
    this.files = new ContainerImageFiles(path.join(context.config.dataDir, 'container-images'));
  }

  async upload(caller: Caller, target: { name: string; region: string }, body: Readable, within: Within<ContainerImage>): Promise<ContainerImage> {
    const problem = regionProblem(target.region);
    if (problem) throw validationFailed([problem]);
    if (await this.store().named(caller.accountId, target.region, target.name)) throw nameTaken(target);
    const incoming = await this.files.incoming();
    try {
      const size = await saveCapped(body, incoming.archive, this.context.config.containerImageMaxBytes).catch((error: unknown) => {
        throw error instanceof UploadTooLarge ? apiError('payload_too_large', `A container image archive may be at most ${error.maxBytes} bytes`) : error;
      });
      const unpacked = await unpackImageArchive(incoming.archive, incoming.unpacked).catch((error: unknown) => {
        throw error instanceof ImageArchiveError ? refusal(error) : error;
      });
      const now = storedTime(this.context.clock());
      const row: ContainerImageRow = {
        id: newId('cimg'),
        account_id: caller.accountId,
        name: target.name,
        region: target.region,
        digest: unpacked.digest,
        size_bytes: size,
        layers: unpacked.layers,
        config: JSON.stringify(unpacked.config),
        created_at: now,
        updated_at: now,
      };
      const image = present(row);
      await this.files.keep(incoming, row.id);
      try {
        await this.context.database.db.transaction().execute(async (trx) => {
          await new ContainerImagesStore(trx).insert(row);
          await this.context.events.record(trx, caller, 'container_image.created', row.id, image);
          await within(trx, image);
        });
      } catch (error) {
        await this.files.remove(row.id);
        throw isUniqueViolation(error) ? nameTaken(target) : error;
      }
      return image;
    } finally {
      await this.files.discard(incoming);
    }
  }

  /** What uploads cut short by a crash left behind: an upload's request times out long before this. */
  sweepAbandonedUploads(): Promise<void> {
    return this.files.sweepAbandoned(2 * this.context.config.timeouts.requestMs);
  }

  async list(caller: AuthContext, query: { region?: string; limit?: number; cursor?: string }, cursors: Cursors): Promise<Page<ContainerImage>> {
    const request = cursors.request('container_images', query);
    const rows = await this.store().list(caller.accountId, { region: query.region, regions: caller.regions }, request);
    return cursors.page('container_images', request, rows, (r) => [r.created_at, r.id], present);
  }

  async get(caller: AuthContext, id: string): Promise<ContainerImage> {
    return present(await this.owned(caller, id));
  }

  /** Removes the image and its files; one a container runs is a 409. */
  async delete(caller: Caller, id: string): Promise<void> {
    await this.owned(caller, id);
    const users = await containersUsingImage(this.context.database.db, id);
    if (users.length > 0) throw apiError('has_dependents', `Containers run image ${id} (${users.join(', ')}); delete them first`);
    await this.context.database.db.transaction().execute(async (trx) => {
      if (!(await new ContainerImagesStore(trx).remove(caller.accountId, id))) throw notFound(`Container image ${id}`);
      await this.context.events.record(trx, caller, 'container_image.deleted', id, {});
    });
    await this.files.remove(id);
  }

  /**
   * The caller's image `id` in `region`, as a container create needs it: a 422 detail on
   * `image_id` when it is not one (another account's reads as unknown).
   */
  async runnable(caller: AuthContext, id: string, region: string): Promise<RunnableImage> {
    const row = await this.store().find(caller.accountId, id);
    if (!row) throw validationFailed([{ field: 'image_id', message: `Unknown container image ${id}` }]);
    if (row.region !== region) throw validationFailed([{ field: 'image_id', message: `Image ${id} is in ${row.region}; an image is used in its own region only` }]);
    return this.runnableById(row);
  }

  /** The image of a container the engine is building (found by id: the container already holds it). */
  runnableById(row: ContainerImageRow): RunnableImage {
    return { rootfs: this.files.rootfsOf(row.id), config: JSON.parse(row.config) as ImageRunConfig };
  }

  private async owned(caller: AuthContext, id: string): Promise<ContainerImageRow> {
    const row = await this.store().find(caller.accountId, id);
    if (!row) throw notFound(`Container image ${id}`);
    assertRegionAccess(caller, row.region);
    return row;
  }

  private store(): ContainerImagesStore {
    return new ContainerImagesStore(this.context.database.db);
  }
}

/** The 422 for an archive the checks refused, naming the entry or blob at fault. */
function refusal(error: ImageArchiveError): ApiError {
  const reason = ({ unsafe_entry: 'unsafe_layer_entry', digest_mismatch: 'digest_mismatch', invalid_archive: 'invalid_image_archive' } as const)[error.problem];
  return apiError(reason, error.message, [{ field: error.entry ? `archive:${error.entry}` : 'archive', message: error.message }]);
}

function nameTaken(target: { name: string; region: string }): ApiError {
  return apiError('name_taken', `A container image named ${target.name} already exists in ${target.region}`, [{ field: 'name', message: 'Already in use in this region' }]);
}

function present(row: ContainerImageRow): ContainerImage {
  const { user: _user, ...config } = JSON.parse(row.config) as ImageRunConfig;
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    digest: row.digest,
    size_bytes: row.size_bytes,
    layers: row.layers,
    ...config,
    created_at: apiTime(row.created_at),
  };
}
