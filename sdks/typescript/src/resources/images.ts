import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { AsyncAPIResource } from '../core/resource.js';
import { operate, type OperationResult, type WaitableOptions } from '../core/wait.js';
import type { Image, ImageDeleteAccepted } from '../models.js';

export interface ImageListParams extends PageParams {
  /** `os` (the catalog, every region) or `custom` (your instances' snapshots); both by default. */
  type?: Image['type'];
}

/** OS images and custom images: make one with `instances.snapshot`, use it as a create's or a rebuild's `image`. */
export class Images extends AsyncAPIResource {
  list(params: ImageListParams = {}, options?: RequestOptions): PagePromise<Image> {
    return listPages(params, (query) => this.transport.op('listImages', { query }, options));
  }

  /** An OS image by slug, or a custom image by id. */
  retrieve(id: string, options?: RequestOptions): Promise<Image> {
    return this.transport.op('getImage', { path: { id } }, options);
  }

  /** Deletes a custom image (an OS image is a ConflictError, reason `public_image`). */
  delete<O extends WaitableOptions>(id: string, options?: O): Promise<OperationResult<O, ImageDeleteAccepted>> {
    return operate(this.waiter, (o) => this.transport.op('deleteImage', { path: { id } }, o), options);
  }
}
