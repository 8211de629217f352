// /v2/functions and /v2/function_runtimes: HTTP only; the services hold the rules.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ApiError } from '../../errors/api-error.js';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import { listQueryProperties, type Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import type { CatalogService } from '../catalog/service.js';
import type { InvocationsService } from './invocations.js';
import {
  CreateFunctionBody,
  DEPLOY_BODY_LIMIT_BYTES,
  FunctionAccepted,
  FunctionList,
  FunctionRuntimeList,
  FunctionSchema,
  InvocationAccepted,
  InvocationList,
  InvocationParams,
  InvocationSchema,
  InvokeBody,
  InvokeQuery,
  ListFunctionsQuery,
  ListInvocationsQuery,
  PatchFunctionBody,
  UpdateFunctionBody,
} from './schema.js';
import type { FunctionsService } from './service.js';

const tags = ['Functions'];

export interface RuntimeEntry {
  id: string;
  language: 'nodejs' | 'python';
  version: string;
  handler_example: string;
}

export function registerFunctionRoutes(app: FastifyInstance, services: { functions: FunctionsService; invocations: InvocationsService; runtimes: CatalogService<RuntimeEntry> }, cursors: Cursors): void {
  const { functions, invocations, runtimes } = services;
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/function_runtimes',
        scope: 'functions:read',
        operationId: 'listFunctionRuntimes',
        summary: 'List the runtimes installed on this host',
        tags,
        query: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: FunctionRuntimeList },
      },
      async (request) => runtimes.list(request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/functions', scope: 'functions:read', cached: true, operationId: 'listFunctions', summary: 'List functions, newest first', tags, query: ListFunctionsQuery, response: { 200: FunctionList } },
      async (request) => functions.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/functions',
        scope: 'functions:write',
        rateClass: 'create',
        bodyLimit: DEPLOY_BODY_LIMIT_BYTES,
        operationId: 'createFunction',
        summary: 'Create a function; version 1 deploys through an action (deploying, then active or errored)',
        tags,
        body: CreateFunctionBody,
        response: { 201: FunctionSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const fn = await functions.create(caller(request), request.body, recordCreated(request, (f) => `/v2/functions/${f.id}`));
        return created(reply, `/v2/functions/${fn.id}`, fn);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/functions/:id', scope: 'functions:read', operationId: 'getFunction', summary: 'Get a function', tags, params: IdParams, response: { 200: FunctionSchema }, errors: [404] },
      async (request) => functions.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/functions/:id',
        scope: 'functions:write',
        bodyLimit: DEPLOY_BODY_LIMIT_BYTES,
        operationId: 'updateFunction',
        summary: 'Deploy new source or settings as the next version (through an action)',
        tags,
        params: IdParams,
        body: UpdateFunctionBody,
        response: { 202: FunctionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await functions.redeploy(caller(request), request.params.id, request.body)),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/functions/:id', scope: 'functions:write', operationId: 'patchFunction', summary: 'Rename a function or change its labels (no new version)', tags, params: IdParams, body: PatchFunctionBody, response: { 200: FunctionSchema }, errors: [404, 409] },
      async (request) => functions.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/functions/:id', scope: 'functions:write', operationId: 'deleteFunction', summary: 'Delete a function, its workers, source and invocations', tags, params: IdParams, response: { 202: FunctionAccepted }, errors: [404, 409] },
      async (request, reply) => accepted(reply, await functions.remove(caller(request), request.params.id)),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/functions/:id/invoke',
        scope: 'functions:write',
        operationId: 'invokeFunction',
        summary: 'Invoke a function with any JSON event: its outcome, or 202 with the invocation id when async=true',
        description: 'A thrown error is status `error` (error.type `handler_error`), a run past timeout_s is `timeout`, a function over memory_mb is `error` with error.type `out_of_memory`: all answered 200.',
        tags,
        params: IdParams,
        query: InvokeQuery,
        body: InvokeBody,
        response: { 200: InvocationSchema, 202: InvocationAccepted },
        errors: [404, 409, 429],
      },
      async (request, reply) => {
        try {
          const invocation = await invocations.invoke(caller(request), request.params.id, request.body ?? null, request.query.async === true);
          if (!request.query.async) return invocation;
          return reply.status(202).header('Location', `/v2/functions/${request.params.id}/invocations/${invocation.id}`).send({ invocation: invocation.id, status: 'running' });
        } catch (error) {
          // Invocations end within seconds: a retry soon may find room.
          if (error instanceof ApiError && error.reason === 'concurrency_limited') reply.header('Retry-After', 1);
          throw error;
        }
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/functions/:id/invocations', scope: 'functions:read', operationId: 'listFunctionInvocations', summary: 'List invocations, newest first', tags, params: IdParams, query: ListInvocationsQuery, response: { 200: InvocationList }, errors: [404] },
      async (request) => invocations.list(caller(request), request.params.id, request.query, cursors),
    ),
    defineRoute(
      { method: 'GET', url: '/v2/functions/:id/invocations/:inv_id', scope: 'functions:read', operationId: 'getFunctionInvocation', summary: 'Get one invocation', tags, params: InvocationParams, response: { 200: InvocationSchema }, errors: [404] },
      async (request) => invocations.get(caller(request), request.params.id, request.params.inv_id),
    ),
  ]);
}
