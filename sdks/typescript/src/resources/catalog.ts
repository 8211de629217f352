import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import { APIResource } from '../core/resource.js';
import type { DatabaseEngine, Image, Plan, Region } from '../models.js';

/** A read-only catalog (regions, plans, images, database engines): the same two operations on different paths. */
export class CatalogResource<T> extends APIResource {
  protected readonly basePath: string = '';

  list(params: PageParams = {}, options?: RequestOptions): PagePromise<T> {
    return listPages<T>(this.transport, this.basePath, params, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<T> {
    return this.transport.request({ method: 'GET', path: this.basePath + path`/${id}` }, options);
  }
}

export class Regions extends CatalogResource<Region> {
  protected override readonly basePath = '/regions';
}

export class Plans extends CatalogResource<Plan> {
  protected override readonly basePath = '/plans';
}

export class Images extends CatalogResource<Image> {
  protected override readonly basePath = '/images';
}

export class DatabaseEngines extends CatalogResource<DatabaseEngine> {
  protected override readonly basePath = '/database_engines';
}
