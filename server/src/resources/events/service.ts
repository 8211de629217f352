// Events: the account's audit trail, listed newest first with filters.
import { apiTime, storedTime } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { isSequencePosition } from '../../db/page.js';
import type { Cursors, Page } from '../../http/pagination.js';
import type { ActorType } from './origin.js';
import { EventsStore, type EventFilters, type EventRow } from './store.js';
import { notFound, validationFailed } from '../../errors/catalog.js';

export interface Event {
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  actor: { type: ActorType; id: string | null };
  request_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
}

export interface EventQuery {
  type?: string;
  resource_id?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

export class EventsService {
  constructor(private readonly db: Db) {}

  async list(accountId: string, query: EventQuery, cursors: Cursors): Promise<Page<Event>> {
    const request = cursors.request('events', query, isSequencePosition);
    const filters: EventFilters = {
      ...(query.type === undefined || query.type === '*' ? {} : { type: query.type.endsWith('.*') ? { prefix: query.type.slice(0, -1) } : { exact: query.type } }),
      resourceId: query.resource_id,
      since: query.since === undefined ? undefined : storedTime(Date.parse(query.since)),
      until: query.until === undefined ? undefined : storedTime(Date.parse(query.until)),
    };
    if (filters.since !== undefined && filters.until !== undefined && filters.since >= filters.until) {
      throw validationFailed([{ field: 'since', message: 'Must be before until' }]);
    }
    const rows = await new EventsStore(this.db).list(accountId, filters, request);
    return cursors.page('events', request, rows, (r) => [r.seq], presentEvent);
  }

  async get(accountId: string, id: string): Promise<Event> {
    const row = await new EventsStore(this.db).find(accountId, id);
    if (!row) throw notFound(`Event ${id}`);
    return presentEvent(row);
  }
}

/** An event as the API and webhook deliveries show it. */
export function presentEvent(row: EventRow): Event {
  return {
    id: row.id,
    type: row.type,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    actor: { type: row.actor_type as ActorType, id: row.actor_id },
    request_id: row.request_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    created_at: apiTime(row.created_at),
  };
}
