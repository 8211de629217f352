// HTTP's side of errors: the statuses routes document, and request ids. The errors themselves are
// errors/ (ApiError, the reasons, the catalog that makes them).
import { randomFillSync } from 'node:crypto';

/** Every status the API can answer with an error, by name, so code reads as intent, not numbers. */
export const ErrorStatus = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorStatusCode = (typeof ErrorStatus)[keyof typeof ErrorStatus];

/** A request's id: in `X-Request-Id`, the envelope and the logs. */
// Every request gets an id: drawing 12 random bytes from OpenSSL each time showed up in profiles,
// so ids are cut from a pool refilled 4 KiB at a time.
const ID_BYTES = 12;
const pool = Buffer.alloc(ID_BYTES * 341);
let poolOffset = pool.length;

export function newRequestId(): string {
  if (poolOffset + ID_BYTES > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const id = pool.toString('hex', poolOffset, poolOffset + ID_BYTES);
  poolOffset += ID_BYTES;
  return `req_${id}`;
}
