import type { RequestOptions } from '../core/config.js';
import { listPages, type PageParams, type PagePromise } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { Event } from '../models.js';

export interface EventListParams extends PageParams {
  /** An exact type (`instance.created`) or a prefix (`instance.*`). */
  type?: string;
  resource_id?: string;
  /** RFC 3339: events at or after this time. */
  since?: string;
  /** RFC 3339: events before this time. */
  until?: string;
}

export class Events extends APIResource {
  /** Newest first; `for await` walks every page. */
  list(params: EventListParams = {}, options?: RequestOptions): PagePromise<Event> {
    return listPages(params, (query) => this.transport.op('listEvents', { query }, options));
  }

  retrieve(id: string, options?: RequestOptions): Promise<Event> {
    return this.transport.op('getEvent', { path: { id } }, options);
  }
}
