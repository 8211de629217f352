import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { ACTOR_TYPES } from './origin.js';
import { EVENT_PATTERN } from './types.js';

export const EventSchema = named(
  'Event',
  Type.Object({
    id: Type.String({ examples: ['evt_8f9a2b3c4d5e6f70'] }),
    type: Type.String({ description: 'What happened: `<resource_type>.<verb>`', examples: ['instance.status_changed'] }),
    resource_type: Type.String({ examples: ['instance'] }),
    resource_id: Type.String({ examples: ['inst_8f9a2b3c4d5e6f70'] }),
    actor: Type.Object({
      type: Type.Union(ACTOR_TYPES.map((t) => Type.Literal(t)), { description: '`system` for changes the engine makes as actions run' }),
      id: Type.Union([Type.String(), Type.Null()], { description: 'The API key or dashboard user; null for the system' }),
    }),
    request_id: Type.Union([Type.String(), Type.Null()], { description: 'The X-Request-Id of the request that made the change; null for the system' }),
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'The resource as it was after the change, or the change itself (e.g. `status` and `previous_status`)' }),
    created_at: Type.String({ format: 'date-time' }),
  }),
);

export const EventList = pageOf('EventList', EventSchema);

/** `instance.created`, `instance.*` or `*`. */
export const EventTypePattern = Type.String({ pattern: EVENT_PATTERN.source, maxLength: 64, examples: ['instance.*'] });

export const ListEventsQuery = Type.Object(
  {
    type: Type.Optional({ ...EventTypePattern, description: 'An exact type (`instance.created`) or a prefix (`instance.*`)' }),
    resource_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Events at or after this time (RFC 3339)' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Events before this time (RFC 3339)' })),
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
