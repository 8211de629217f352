import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';

export const ACTION_STATUSES = ['in-progress', 'completed', 'errored'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const ActionStatusSchema = Type.Union(ACTION_STATUSES.map((s) => Type.Literal(s)));

export const ActionSchema = named(
  'Action',
  Type.Object({
    id: Type.String({ examples: ['act_8f9a2b3c4d5e6f70'] }),
    type: Type.String({ description: 'What the action does, e.g. create, restart, resize', examples: ['restart'] }),
    status: ActionStatusSchema,
    resource_id: Type.String(),
    resource_type: Type.String({ examples: ['instance'] }),
    started_at: Type.String({ format: 'date-time' }),
    completed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()], { description: 'Why the action errored; null otherwise' }),
  }),
);

export const ActionList = pageOf('ActionList', ActionSchema);

export const ListActionsQuery = Type.Object(
  {
    resource_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(ActionStatusSchema),
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
