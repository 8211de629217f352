// /v2/databases and its users, backups and metrics: HTTP only; the services hold the rules.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import type { DatabaseMetricType } from '../../drivers/database-driver.js';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import type { MetricsRangeQuery } from '../metrics/series.js';
import type { DatabaseBackupsService } from './backups-service.js';
import {
  CreateDatabaseBody,
  CreateDatabaseUserBody,
  DatabaseActionAccepted,
  DatabaseBackupList,
  DatabaseList,
  DatabaseMetricsQuery,
  DatabaseMetricsSchema,
  DatabaseSchema,
  DatabaseUserCreated,
  DatabaseUserList,
  ListDatabasesQuery,
  ListQuery,
  PasswordReset,
  ResizeDatabaseBody,
  UpdateDatabaseBody,
  UserParams,
} from './schema.js';
import type { DatabaseAccepted, DatabaseQuery, DatabasesService } from './service.js';
import type { DatabaseUsersService } from './users-service.js';

const tags = ['Databases'];
const read = { scope: 'databases:read' } as const;
const write = { scope: 'databases:write' } as const;
const idOf = (params: unknown) => (params as { id: string }).id;
const page = (query: unknown) => query as { limit?: number; cursor?: string };
const accepted = <T extends DatabaseAccepted>(reply: FastifyReply, body: T) => reply.status(202).header('Location', `/v2/actions/${body.action_id}`).send(body);
const BODY_ERRORS = [413, 415, 422] as const;

export function registerDatabaseRoutes(app: FastifyInstance, databases: DatabasesService, users: DatabaseUsersService, backups: DatabaseBackupsService, cursors: Cursors): void {
  app.get(
    '/v2/databases',
    {
      config: { cached: true, ...read, regionsOf: (request) => [(request.query as DatabaseQuery).region].filter((r): r is string => r !== undefined) },
      schema: { operationId: 'listDatabases', summary: 'List managed databases, newest first', tags, querystring: ListDatabasesQuery, response: { 200: DatabaseList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => databases.list(caller(request), request.query as DatabaseQuery, cursors),
  );
  app.post(
    '/v2/databases',
    {
      config: { ...write, rateClass: 'create' },
      schema: {
        operationId: 'createDatabase',
        summary: 'Create a managed database, empty or restored from a backup',
        description:
          'Answers at once with the database in `provisioning`; it becomes `online` when its create action completes. The answer is the only place the admin password is shown (a replay by Idempotency-Key shows `password: null`).',
        tags,
        body: CreateDatabaseBody,
        response: { 201: DatabaseSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, ...BODY_ERRORS) },
      },
    },
    async (request, reply) => {
      const created = await databases.create(caller(request), request.body as Static<typeof CreateDatabaseBody>, (trx, stored) =>
        recordResponse(request, trx, { status: 201, body: stored, location: `/v2/databases/${stored.id}` }),
      );
      return reply.status(201).header('Location', `/v2/databases/${created.id}`).send(created);
    },
  );
  app.get(
    '/v2/databases/:id',
    { config: read, schema: { operationId: 'getDatabase', summary: 'Get a managed database', tags, params: IdParams, response: { 200: DatabaseSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } } },
    async (request) => databases.get(caller(request), idOf(request.params)),
  );
  app.patch(
    '/v2/databases/:id',
    {
      config: write,
      schema: {
        operationId: 'updateDatabase',
        summary: 'Change labels, delete protection or the backup schedule',
        tags,
        params: IdParams,
        body: UpdateDatabaseBody,
        response: { 200: DatabaseSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...BODY_ERRORS) },
      },
    },
    async (request) => databases.update(caller(request), idOf(request.params), request.body as Static<typeof UpdateDatabaseBody>),
  );
  app.delete(
    '/v2/databases/:id',
    {
      config: write,
      schema: {
        operationId: 'deleteDatabase',
        summary: 'Delete a database and its backups (409 while delete protection is on)',
        tags,
        params: IdParams,
        response: { 202: DatabaseActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => accepted(reply, await databases.delete(caller(request), idOf(request.params))),
  );
  app.put(
    '/v2/databases/:id/resize',
    {
      config: write,
      schema: {
        operationId: 'resizeDatabase',
        summary: 'Change the plan and/or node count; it shows `resizing`, then `online`',
        tags,
        params: IdParams,
        body: ResizeDatabaseBody,
        response: { 202: DatabaseActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...BODY_ERRORS) },
      },
    },
    async (request, reply) => accepted(reply, await databases.resize(caller(request), idOf(request.params), request.body as Static<typeof ResizeDatabaseBody>)),
  );
  app.put(
    '/v2/databases/:id/reset_password',
    {
      config: write,
      schema: {
        operationId: 'resetDatabasePassword',
        summary: "Give the admin user a new password, shown in this answer only",
        tags,
        params: IdParams,
        response: { 202: PasswordReset, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => accepted(reply, await databases.resetPassword(caller(request), idOf(request.params))),
  );
  app.get(
    '/v2/databases/:id/metrics',
    {
      config: read,
      schema: {
        operationId: 'getDatabaseMetrics',
        summary: 'Time series of connections, CPU or storage use',
        tags,
        params: IdParams,
        querystring: DatabaseMetricsQuery,
        response: { 200: DatabaseMetricsSchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 422) },
      },
    },
    async (request) => databases.metrics(caller(request), idOf(request.params), request.query as { type: DatabaseMetricType } & MetricsRangeQuery),
  );

  app.get(
    '/v2/databases/:id/users',
    {
      config: read,
      schema: { operationId: 'listDatabaseUsers', summary: 'List the users of a database, newest first', tags, params: IdParams, querystring: ListQuery, response: { 200: DatabaseUserList, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request) => users.list(caller(request), idOf(request.params), page(request.query), cursors),
  );
  app.post(
    '/v2/databases/:id/users',
    {
      config: write,
      schema: {
        operationId: 'createDatabaseUser',
        summary: 'Create a database user; its password is shown in this answer only',
        tags,
        params: IdParams,
        body: CreateDatabaseUserBody,
        response: { 201: DatabaseUserCreated, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...BODY_ERRORS) },
      },
    },
    async (request, reply) => {
      const id = idOf(request.params);
      const { name } = request.body as { name: string };
      const location = `/v2/databases/${id}/users/${name}`;
      const created = await users.create(caller(request), id, name, (trx, stored) => recordResponse(request, trx, { status: 201, body: stored, location }));
      return reply.status(201).header('Location', location).send(created);
    },
  );
  app.delete(
    '/v2/databases/:id/users/:name',
    {
      config: write,
      schema: {
        operationId: 'deleteDatabaseUser',
        summary: 'Delete a database user (the admin user cannot be deleted)',
        tags,
        params: UserParams,
        response: { 202: DatabaseActionAccepted, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, name } = request.params as { id: string; name: string };
      return accepted(reply, await users.delete(caller(request), id, name));
    },
  );

  app.get(
    '/v2/databases/:id/backups',
    {
      config: read,
      schema: {
        operationId: 'listDatabaseBackups',
        summary: 'List the daily backups of a database, newest first',
        description: 'Restore one by creating a database with `restore_from: {backup_id}`.',
        tags,
        params: IdParams,
        querystring: ListQuery,
        response: { 200: DatabaseBackupList, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => backups.list(caller(request), idOf(request.params), page(request.query), cursors),
  );
}
