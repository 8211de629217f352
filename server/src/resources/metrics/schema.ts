// Wire schemas of a /metrics route: the query, and the series answered.
import Type from 'typebox';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export function metricsQuerySchema(types: readonly string[]) {
  return Type.Object(
    {
      type: literals(types, 'Which metric'),
      start: Type.Optional(Time('Start of the range; default one hour before end')),
      end: Type.Optional(Time('End of the range; default now')),
      step: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400, default: 60, description: 'Seconds between points' })),
    },
    { additionalProperties: false },
  );
}

/** The answer, naming the resource by `idField` (e.g. `instance_id`). */
export function metricsSchema(idField: string, types: readonly string[]) {
  return Type.Object({
    [idField]: Type.String(),
    type: literals(types, 'Which metric'),
    start: Time('Start of the range'),
    end: Time('End of the range'),
    step: Type.Integer({ description: 'Seconds between points' }),
    series: Type.Array(
      Type.Object({
        name: Type.String({ examples: ['cpu_utilization'] }),
        unit: Type.String({ examples: ['percent'] }),
        points: Type.Array(Type.Object({ timestamp: Time('Point in time'), value: Type.Number() })),
      }),
    ),
  });
}
