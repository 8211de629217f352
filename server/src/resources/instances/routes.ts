// /v2/instances: HTTP only; the service holds the rules.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type, { type Static } from 'typebox';
import type { MetricType } from '../../drivers/compute-driver.js';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { ActionList } from '../actions/schema.js';
import type { InstanceOperation } from './lifecycle.js';
import {
  ConsoleSchema,
  CreateInstanceBody,
  InstanceActionAccepted,
  InstanceList,
  InstanceSchema,
  ListInstancesQuery,
  MetricsQuerySchema,
  MetricsSchema,
  ResizeInstanceBody,
} from './schema.js';
import type { Accepted, InstanceQuery, InstancesService } from './service.js';

const tags = ['Instances'];
const idOf = (params: unknown) => (params as { id: string }).id;

function accepted(reply: FastifyReply, body: Accepted) {
  return reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);
}

export function registerInstanceRoutes(app: FastifyInstance, instances: InstancesService, cursors: Cursors): void {
  app.get(
    '/v2/instances',
    {
      config: { cached: true, scope: 'instances:read', regionsOf: (request) => [(request.query as InstanceQuery).region].filter((r): r is string => r !== undefined) },
      schema: {
        operationId: 'listInstances',
        summary: 'List instances, newest first',
        tags,
        querystring: ListInstancesQuery,
        response: { 200: InstanceList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => instances.list(caller(request), request.query as InstanceQuery, cursors),
  );

  app.post(
    '/v2/instances',
    {
      config: { scope: 'instances:write', rateClass: 'create', regionsOf: (request) => [(request.body as { region: string }).region] },
      schema: {
        operationId: 'createInstance',
        summary: 'Provision an instance',
        description: 'Answers at once with the instance in `provisioning`; it becomes `running` when its create action completes. Send an `Idempotency-Key` header to make retries safe.',
        tags,
        body: CreateInstanceBody,
        response: { 201: InstanceSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const instance = await instances.create(caller(request), request.body as Static<typeof CreateInstanceBody>, (trx, created) =>
        recordResponse(request, trx, { status: 201, body: created, location: `/v2/instances/${created.id}` }),
      );
      return reply.status(201).header('Location', `/v2/instances/${instance.id}`).send(instance);
    },
  );

  app.get(
    '/v2/instances/:id',
    {
      config: { scope: 'instances:read' },
      schema: {
        operationId: 'getInstance',
        summary: 'Get an instance',
        tags,
        params: IdParams,
        response: { 200: InstanceSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => instances.get(caller(request), idOf(request.params)),
  );

  app.delete(
    '/v2/instances/:id',
    {
      config: { scope: 'instances:write' },
      schema: {
        operationId: 'deleteInstance',
        summary: 'Delete an instance',
        description: 'The instance shows `deleting`, then is gone (404).',
        tags,
        params: IdParams,
        response: { 202: InstanceActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => accepted(reply, await instances.operate(caller(request), idOf(request.params), 'delete')),
  );

  const operations: [Exclude<InstanceOperation, 'delete' | 'resize'>, string][] = [
    ['restart', 'Gracefully restart a running instance; it shows `rebooting`, then `running`'],
    ['stop', 'Power off a running instance; it becomes `stopped`'],
    ['start', 'Power on a stopped instance; it becomes `running`'],
  ];
  for (const [operation, summary] of operations) {
    app.put(
      `/v2/instances/:id/${operation}`,
      {
        config: { scope: 'instances:write' },
        schema: {
          operationId: `${operation}Instance`,
          summary,
          tags,
          params: IdParams,
          response: { 202: InstanceActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
        },
      },
      async (request, reply) => accepted(reply, await instances.operate(caller(request), idOf(request.params), operation)),
    );
  }

  app.put(
    '/v2/instances/:id/resize',
    {
      config: { scope: 'instances:write' },
      schema: {
        operationId: 'resizeInstance',
        summary: 'Change the plan (vCPUs and memory); it shows `resizing`, then its previous status',
        tags,
        params: IdParams,
        body: ResizeInstanceBody,
        response: { 202: InstanceActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) =>
      accepted(reply, await instances.operate(caller(request), idOf(request.params), 'resize', (request.body as { plan: string }).plan)),
  );

  app.get(
    '/v2/instances/:id/metrics',
    {
      config: { scope: 'instances:read' },
      schema: {
        operationId: 'getInstanceMetrics',
        summary: 'Time series of CPU, memory or network use',
        tags,
        params: IdParams,
        querystring: MetricsQuerySchema,
        response: { 200: MetricsSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 422) },
      },
    },
    async (request) =>
      instances.metrics(caller(request), idOf(request.params), request.query as { type: MetricType; start?: string; end?: string; step?: number }),
  );

  app.get(
    '/v2/instances/:id/console',
    {
      config: { scope: 'instances:read' },
      schema: {
        operationId: 'getInstanceConsole',
        summary: "The instance's console output: boot messages and what `user_data` printed",
        tags,
        params: IdParams,
        response: { 200: ConsoleSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => instances.console(caller(request), idOf(request.params)),
  );

  app.get(
    '/v2/instances/:id/actions',
    {
      config: { scope: 'instances:read' },
      schema: {
        operationId: 'listInstanceActions',
        summary: "The instance's actions, newest first",
        tags,
        params: IdParams,
        querystring: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: ActionList, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => instances.listActions(caller(request), idOf(request.params), request.query as { limit?: number; cursor?: string }, cursors),
  );
}
