// The one pagination helper: signed opaque cursors over keyset positions, and the page envelope.
import { createHmac, timingSafeEqual } from 'node:crypto';
import Type from 'typebox';
import { isTimeIdPosition, type PageRequest, type Position, type PositionShape } from '../db/page.js';
import { invalidCursor } from '../errors/catalog.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Query properties every list accepts; spread them into a route's querystring schema. */
export const listQueryProperties = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Results per page (1-${MAX_LIMIT})` }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 512, description: 'The `next_cursor` of the previous page' }),
  ),
};

export type { PageRequest, Position } from '../db/page.js';

export interface Page<T> {
  data: T[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

const SIGNATURE_BYTES = 16;

export class Cursors {
  constructor(private readonly secret: string) {}

  /**
   * Parses the `limit` and `cursor` of a list request; a cursor made for another list, tampered
   * with, or holding a position of another shape than the list's, is a 400.
   */
  request(list: string, query: { limit?: number; cursor?: string }): PageRequest;
  request<P extends Position>(list: string, query: { limit?: number; cursor?: string }, shape: PositionShape<P>): PageRequest<P>;
  request(list: string, query: { limit?: number; cursor?: string }, shape: PositionShape<Position> = isTimeIdPosition): PageRequest<Position> {
    if (query.cursor === undefined) return { limit: query.limit ?? DEFAULT_LIMIT, after: null };
    const after = this.decode(list, query.cursor);
    if (!shape(after)) throw invalidCursor();
    return { limit: query.limit ?? DEFAULT_LIMIT, after };
  }

  /** Builds the page from up to `limit + 1` rows in order: the extra row only tells that more exist. */
  page<Row, Out, P extends Position>(list: string, request: PageRequest<P>, rows: Row[], positionOf: (row: Row) => Position, present: (row: Row) => Out): Page<Out> {
    const hasMore = rows.length > request.limit;
    const kept = hasMore ? rows.slice(0, request.limit) : rows;
    const last = kept[kept.length - 1];
    return {
      data: kept.map(present),
      pagination: { next_cursor: hasMore && last !== undefined ? this.encode(list, positionOf(last)) : null, has_more: hasMore },
    };
  }

  encode(list: string, position: Position): string {
    const body = Buffer.from(JSON.stringify({ l: list, p: position })).toString('base64url');
    return `${body}.${this.sign(body).toString('base64url')}`;
  }

  decode(list: string, cursor: string): Position {
    const [body, signature, extra] = cursor.split('.');
    if (body && signature && extra === undefined) {
      const given = Buffer.from(signature, 'base64url');
      const expected = this.sign(body);
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        const parsed = parseJson(Buffer.from(body, 'base64url').toString('utf8'));
        if (isCursorBody(parsed) && parsed.l === list) return parsed.p;
      }
    }
    throw invalidCursor();
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, SIGNATURE_BYTES);
  }
}


function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isCursorBody(value: unknown): value is { l: string; p: Position } {
  if (typeof value !== 'object' || value === null) return false;
  const { l, p } = value as { l?: unknown; p?: unknown };
  return typeof l === 'string' && Array.isArray(p) && p.every((v) => typeof v === 'string' || typeof v === 'number');
}
