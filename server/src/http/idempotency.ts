// Idempotency-Key on POST: the same key and body replay the first response; another body is a 422;
// a key whose first request is still running is a 409. Records live 24 hours.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { storedTime, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { IdempotencyStore, type StoredResponse } from '../db/idempotency-store.js';
import './route-config.js';
import { apiError, invalidRequest } from '../errors/catalog.js';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A reservation older than this belongs to a request whose process died; it may be taken over. */
const ABANDONED_AFTER_MS = 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Reservation {
  accountId: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Reservation | null;
  }
}

/** JSON with object keys sorted, so equal bodies fingerprint equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function registerIdempotency(app: FastifyInstance, db: Db, clock: Clock): void {
  const store = new IdempotencyStore(db);
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || !request.auth || header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw invalidRequest('Invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: 'Must be 1 to 255 printable ASCII characters' }]);
    }
    const accountId = request.auth.accountId;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.url}\n${canonical(request.body)}`).digest('hex');
    const now = clock();
    const held = await store.reserve(accountId, header, fingerprint, storedTime(now), storedTime(now - ABANDONED_AFTER_MS), storedTime(now + RETENTION_MS));
    if (held === 'reserved') {
      request.idempotency = { accountId, key: header };
      return;
    }
    if (held.fingerprint !== fingerprint) {
      throw apiError('idempotency_key_reused', 'Validation failed', [{ field: 'Idempotency-Key', message: 'This key was already used with a different request' }]);
    }
    if (held.state !== 'done') throw apiError('idempotency_in_flight', 'A request with this Idempotency-Key is still in progress');
    reply.header('Idempotent-Replayed', 'true');
    if (held.response_location) reply.header('Location', held.response_location);
    return reply.status(held.response_status as number).send(JSON.parse(held.response_body as string));
  });

  // A request whose response was not committed (it failed) frees its key for a retry; a committed
  // record is no longer in flight, so this leaves it alone. Before the answer goes out (onSend, not
  // onResponse): a client retrying at once after a 4xx must find the key free, not still reserved.
  // If freeing fails the answer still goes; the reservation lapses after ABANDONED_AFTER_MS.
  app.addHook('onSend', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    if (request.idempotency) {
      const { accountId, key } = request.idempotency;
      request.idempotency = null;
      await store.release(accountId, key).catch((error: unknown) => request.log.error({ err: error }, 'could not free an Idempotency-Key'));
    }
    return payload;
  });
}

/**
 * Stores the response of an idempotent request inside the transaction that made its change, so the
 * change and its record commit together. A no-op for requests without an Idempotency-Key.
 */
export async function recordResponse(request: FastifyRequest, trx: Db, response: StoredResponse): Promise<void> {
  const reservation = request.idempotency;
  if (!reservation) return;
  await new IdempotencyStore(trx).complete(reservation.accountId, reservation.key, response);
}
