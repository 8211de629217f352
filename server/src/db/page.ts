// What a page of rows is asked for with: a size and the position the previous page ended at. The
// HTTP layer decodes and checks cursors into these; the stores only ever see well-formed positions.

/** Where a page starts: the sort key values of the last row of the previous page. */
export type Position = readonly (string | number)[];

/** A position in a list ordered by (time, id), the order of almost every list. */
export type TimeIdPosition = readonly [time: string, id: string];

export interface PageRequest<P extends Position = TimeIdPosition> {
  limit: number;
  after: P | null;
}

/** The shape a list's positions must have; a decoded cursor of another shape is refused. */
export type PositionShape<P extends Position> = (position: Position) => position is P;

export const isTimeIdPosition: PositionShape<TimeIdPosition> = (p): p is TimeIdPosition =>
  p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string';

/** A position in a list ordered by one number (the events' sequence). */
export type SequencePosition = readonly [seq: number];
export const isSequencePosition: PositionShape<SequencePosition> = (p): p is SequencePosition => p.length === 1 && typeof p[0] === 'number';

/** A position in a list ordered by id alone (the catalogs). */
export type IdPosition = readonly [id: string];
export const isIdPosition: PositionShape<IdPosition> = (p): p is IdPosition => p.length === 1 && typeof p[0] === 'string';
