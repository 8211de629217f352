// /v2/instances: HTTP only; the service holds the rules.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import Type from 'typebox';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { recordResponse } from '../../http/idempotency.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
import { ActionList } from '../actions/schema.js';
import type { InstanceOperation } from './lifecycle.js';
import {
  ConsoleSchema,
  CreateInstanceBody,
  InstanceActionAccepted,
  InstanceList,
  InstanceSchema,
  InstanceSnapshotAccepted,
  ListInstancesQuery,
  MetricsQuerySchema,
  MetricsSchema,
  RebuildInstanceBody,
  ResizeInstanceBody,
  SnapshotInstanceBody,
  UpdateInstanceBody,
} from './schema.js';
import type { InstancesService } from './service.js';

const tags = ['Instances'];

/** Each power operation: its path segment and operation id, and what it does. */
const POWER_OPERATIONS: [Exclude<InstanceOperation, 'delete' | 'resize' | 'snapshot' | 'rebuild'>, string, string][] = [
  ['restart', 'restartInstance', 'Gracefully restart a running instance; it shows `rebooting`, then `running`'],
  ['stop', 'stopInstance', 'Power off a running instance at once (like pulling the plug); it becomes `stopped`'],
  ['shutdown', 'shutdownInstance', "Shut a running instance down gracefully: its OS is asked to stop (SIGTERM to its init) and powered off after a timeout; it becomes `stopped`"],
  ['power_cycle', 'powerCycleInstance', 'Power a running instance off and on again in one action (a hard reset); it shows `rebooting`, then `running`'],
  ['start', 'startInstance', 'Power on a stopped instance; it becomes `running`'],
];

export function registerInstanceRoutes(app: FastifyInstance, instances: InstancesService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/instances',
        scope: 'instances:read',
        cached: { reads: ['instances', 'labels', 'volumes', 'reserved_ips'] },
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listInstances',
        summary: 'List instances, newest first',
        tags,
        query: ListInstancesQuery,
        response: { 200: InstanceList },
      },
      async (request) => instances.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/instances',
        scope: 'instances:write',
        rateClass: 'create',
        regionsOf: (request) => [request.body.region],
        operationId: 'createInstance',
        summary: 'Provision an instance',
        description: 'Answers at once with the instance in `provisioning`; it becomes `running` when its create action completes. Send an `Idempotency-Key` header to make retries safe.',
        tags,
        body: CreateInstanceBody,
        response: { 201: InstanceSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const instance = await instances.create(caller(request), request.body, recordCreated(request, (i) => `/v2/instances/${i.id}`));
        return created(reply, `/v2/instances/${instance.id}`, instance);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/instances/:id', scope: 'instances:read', operationId: 'getInstance', summary: 'Get an instance', tags, params: IdParams, response: { 200: InstanceSchema }, errors: [404] },
      async (request) => instances.get(caller(request), request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/instances/:id', scope: 'instances:write', operationId: 'patchInstance', summary: 'Rename an instance or change its labels', tags, params: IdParams, body: UpdateInstanceBody, response: { 200: InstanceSchema }, errors: [404, 409] },
      async (request) => instances.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/instances/:id',
        scope: 'instances:write',
        operationId: 'deleteInstance',
        summary: 'Delete an instance',
        description: 'The instance shows `deleting`, then is gone (404).',
        tags,
        params: IdParams,
        response: { 202: InstanceActionAccepted },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await instances.operate(caller(request), request.params.id, 'delete')),
    ),
    ...POWER_OPERATIONS.map(([operation, operationId, summary]) =>
      defineRoute(
        { method: 'PUT', url: `/v2/instances/:id/${operation}`, scope: 'instances:write', operationId, summary, tags, params: IdParams, response: { 202: InstanceActionAccepted }, errors: [404, 409] },
        async (request, reply) => accepted(reply, await instances.operate(caller(request), request.params.id, operation)),
      ),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/instances/:id/resize',
        scope: 'instances:write',
        operationId: 'resizeInstance',
        summary: 'Change the plan (vCPUs and memory); it shows `resizing`, then its previous status',
        tags,
        params: IdParams,
        body: ResizeInstanceBody,
        response: { 202: InstanceActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await instances.operate(caller(request), request.params.id, 'resize', request.body.plan)),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/instances/:id/snapshot',
        scope: 'instances:write',
        operationId: 'snapshotInstance',
        summary: "Capture the instance's disk as a custom image",
        description:
          'Allowed when the instance is `stopped`, or `running` with `crash_consistent: true`; it keeps its status meanwhile. The image (`image_id`) is `creating`, then `available`, and can then be the `image` of a create or a rebuild in the same region.',
        tags,
        params: IdParams,
        body: SnapshotInstanceBody,
        response: { 202: InstanceSnapshotAccepted },
        errors: [404, 409],
      },
      async (request, reply) => {
        // The 202 is recorded in the snapshot's transaction, so an Idempotency-Key retry replays it.
        const replay = (trx: Db, body: { action_id: string }) => recordResponse(request, trx, { status: 202, body, location: `/v2/actions/${body.action_id}` });
        return accepted(reply, await instances.snapshot(caller(request), request.params.id, request.body, replay));
      },
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/instances/:id/rebuild',
        scope: 'instances:write',
        operationId: 'rebuildInstance',
        summary: 'Re-image the instance from an OS or custom image',
        description: 'Its disk is replaced by a fresh copy of the image; it keeps its id, address and volumes, shows `rebuilding`, then the power state it had. 409 `rebuild_protected` while its rebuild protection is on.',
        tags,
        params: IdParams,
        body: RebuildInstanceBody,
        response: { 202: InstanceActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await instances.rebuild(caller(request), request.params.id, request.body.image)),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/instances/:id/metrics',
        scope: 'instances:read',
        operationId: 'getInstanceMetrics',
        summary: 'Time series of CPU, memory or network use',
        tags,
        params: IdParams,
        query: MetricsQuerySchema,
        response: { 200: MetricsSchema },
        errors: [404, 422],
      },
      async (request) => instances.metrics(caller(request), request.params.id, request.query),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/instances/:id/console',
        scope: 'instances:read',
        operationId: 'getInstanceConsole',
        summary: "The instance's console output: boot messages and what `user_data` printed",
        tags,
        params: IdParams,
        response: { 200: ConsoleSchema },
        errors: [404],
      },
      async (request) => instances.console(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/instances/:id/actions',
        scope: 'instances:read',
        operationId: 'listInstanceActions',
        summary: "The instance's actions, newest first",
        tags,
        params: IdParams,
        query: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: ActionList },
        errors: [404],
      },
      async (request) => instances.listActions(caller(request), request.params.id, request.query, cursors),
    ),
  ]);
}
