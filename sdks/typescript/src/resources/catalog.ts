import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { DatabaseEngine, Plan, Region } from '../models.js';

// The read-only catalogs: each has a list and a retrieve, spelled out per class so each method
// names its own operation.

export class Regions extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<Region> {
    return listPages(params, (query) => this.transport.op('listRegions', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<Region> {
    return this.transport.op('getRegion', { path: { id } }, options);
  }
}

export class Plans extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<Plan> {
    return listPages(params, (query) => this.transport.op('listPlans', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<Plan> {
    return this.transport.op('getPlan', { path: { id } }, options);
  }
}

export class DatabaseEngines extends APIResource {
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<DatabaseEngine> {
    return listPages(params, (query) => this.transport.op('listDatabaseEngines', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<DatabaseEngine> {
    return this.transport.op('getDatabaseEngine', { path: { id } }, options);
  }
}
