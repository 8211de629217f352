import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { ContainerImage } from '../models.js';

export interface ContainerImageListParams extends PageParams {
  region?: string;
}

export interface ContainerImageUpload {
  /** Unique per region: `web`, `team/web:1.2`. */
  name: string;
  region: string;
  /**
   * The archive (`docker save` output, or an OCI image layout as a tar, optionally gzipped), at most
   * 1 GiB: `await openAsBlob('image.tar')` (node:fs) streams it from disk, or give its bytes.
   */
  archive: Blob | Uint8Array;
}

export class ContainerImages extends APIResource {
  list(params: ContainerImageListParams = {}, options?: RequestOptions): PagePromise<ContainerImage> {
    return listPages(params, (query) => this.transport.op('listContainerImages', { query }, options));
  }

  /** Uploads an image archive; the server checks every layer's digest and path before it keeps it. */
  upload(upload: ContainerImageUpload, options?: RequestOptions): Promise<ContainerImage> {
    const { archive, ...query } = upload;
    return this.transport.op('uploadContainerImage', { query, raw: { data: archive, contentType: 'application/x-tar' } }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<ContainerImage> {
    return this.transport.op('getContainerImage', { path: { id } }, options);
  }

  /** Deletes the image and its files; one a container runs cannot go (409). */
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.transport.op('deleteContainerImage', { path: { id } }, options);
  }
}
