// /v2/containers: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import type { ContainerOperation } from './lifecycle.js';
import {
  ContainerActionAccepted,
  ContainerList,
  ContainerLogsQuery,
  ContainerLogsSchema,
  ContainerMetricsQuery,
  ContainerMetricsSchema,
  ContainerSchema,
  CreateContainerBody,
  ListContainersQuery,
  UpdateContainerBody,
} from './schema.js';
import type { ContainersService } from './service.js';

const tags = ['Containers'];

/** Each power operation: its path segment and operation id, and what it does. */
const POWER_OPERATIONS: [Exclude<ContainerOperation, 'delete'>, string, string][] = [
  ['restart', 'restartContainer', 'Restart a running container (its process gets SIGTERM, then starts again); it shows `restarting`, then `running`'],
  ['stop', 'stopContainer', 'Stop a running container (SIGTERM, then SIGKILL after a grace period); it becomes `stopped`'],
  ['start', 'startContainer', 'Start a stopped container again; it becomes `running`'],
];

export function registerContainerRoutes(app: FastifyInstance, containers: ContainersService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/containers',
        scope: 'containers:read',
        cached: true,
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listContainers',
        summary: 'List containers, newest first',
        tags,
        query: ListContainersQuery,
        response: { 200: ContainerList },
      },
      async (request) => containers.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/containers',
        scope: 'containers:write',
        rateClass: 'create',
        regionsOf: (request) => [request.body.region],
        operationId: 'createContainer',
        summary: 'Run a container from a container image',
        description: 'Answers at once with the container in `provisioning` and its private address; it becomes `running` when its create action completes. Send an `Idempotency-Key` header to make retries safe.',
        tags,
        body: CreateContainerBody,
        response: { 201: ContainerSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const container = await containers.create(caller(request), request.body, recordCreated(request, (c) => `/v2/containers/${c.id}`));
        return created(reply, `/v2/containers/${container.id}`, container);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/containers/:id', scope: 'containers:read', operationId: 'getContainer', summary: 'Get a container', tags, params: IdParams, response: { 200: ContainerSchema }, errors: [404] },
      async (request) => containers.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/containers/:id', scope: 'containers:write', operationId: 'patchContainer', summary: 'Rename a container or change its labels', tags, params: IdParams, body: UpdateContainerBody, response: { 200: ContainerSchema }, errors: [404, 409] },
      async (request) => containers.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/containers/:id',
        scope: 'containers:write',
        operationId: 'deleteContainer',
        summary: 'Delete a container',
        description: 'The container shows `deleting`, then is gone (404); its address goes back to the network.',
        tags,
        params: IdParams,
        response: { 202: ContainerActionAccepted },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await containers.operate(caller(request), request.params.id, 'delete')),
    ),
    ...POWER_OPERATIONS.map(([operation, operationId, summary]) =>
      defineRoute(
        { method: 'PUT', url: `/v2/containers/:id/${operation}`, scope: 'containers:write', operationId, summary, tags, params: IdParams, response: { 202: ContainerActionAccepted }, errors: [404, 409] },
        async (request, reply) => accepted(reply, await containers.operate(caller(request), request.params.id, operation)),
      ),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/containers/:id/logs',
        scope: 'containers:read',
        operationId: 'getContainerLogs',
        summary: "The last lines of the container's stdout and stderr",
        tags,
        params: IdParams,
        query: ContainerLogsQuery,
        response: { 200: ContainerLogsSchema },
        errors: [404],
      },
      async (request) => containers.logs(caller(request), request.params.id, request.query.tail ?? 100),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/containers/:id/metrics',
        scope: 'containers:read',
        operationId: 'getContainerMetrics',
        summary: 'Time series of CPU, memory or network use',
        tags,
        params: IdParams,
        query: ContainerMetricsQuery,
        response: { 200: ContainerMetricsSchema },
        errors: [404, 422],
      },
      async (request) => containers.metrics(caller(request), request.params.id, request.query),
    ),
  ]);
}
