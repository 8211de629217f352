// The answers routes share: a created resource, an accepted action, nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { recordResponse } from './idempotency.js';

/** 201 with the new resource and its URL in `Location`. */
export function created(reply: FastifyReply, location: string, body: unknown) {
  return reply.status(201).header('Location', location).send(body);
}

/** 202: the work goes on after the answer; `Location` is the action to poll. */
export function accepted(reply: FastifyReply, body: { action_id: string }) {
  return reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);
}

export function noContent(reply: FastifyReply) {
  return reply.status(204).send();
}

/**
 * The callback a service runs inside its create transaction, so an `Idempotency-Key` retry
 * gets the same 201 (with its `Location`) that this request answers.
 */
export function recordCreated<T>(request: FastifyRequest, locationOf: (created: T) => string) {
  return (trx: Db, createdBody: T) => recordResponse(request, trx, { status: 201, body: createdBody, location: locationOf(createdBody) });
}
