// /v2/databases and its users, backups and metrics: HTTP only; the services hold the rules.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { accepted, created, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { IdParams } from '../../http/schemas.js';
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
import type { DatabasesService } from './service.js';
import type { DatabaseUsersService } from './users-service.js';

const tags = ['Databases'];
const read = 'databases:read';
const write = 'databases:write';

export function registerDatabaseRoutes(app: FastifyInstance, databases: DatabasesService, users: DatabaseUsersService, backups: DatabaseBackupsService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/databases',
        scope: read,
        cached: true,
        regionsOf: (request) => [request.query.region].filter((r): r is string => r !== undefined),
        operationId: 'listDatabases',
        summary: 'List managed databases, newest first',
        tags,
        query: ListDatabasesQuery,
        response: { 200: DatabaseList },
      },
      async (request) => databases.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/databases',
        scope: write,
        rateClass: 'create',
        operationId: 'createDatabase',
        summary: 'Create a managed database, empty or restored from a backup',
        description:
          'Answers at once with the database in `provisioning`; it becomes `online` when its create action completes. The answer is the only place the admin password is shown (a replay by Idempotency-Key shows `password: null`).',
        tags,
        body: CreateDatabaseBody,
        response: { 201: DatabaseSchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const database = await databases.create(caller(request), request.body, recordCreated(request, (stored) => `/v2/databases/${stored.id}`));
        return created(reply, `/v2/databases/${database.id}`, database);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/databases/:id', scope: read, operationId: 'getDatabase', summary: 'Get a managed database', tags, params: IdParams, response: { 200: DatabaseSchema }, errors: [404] },
      async (request) => databases.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PATCH',
        url: '/v2/databases/:id',
        scope: write,
        operationId: 'updateDatabase',
        summary: 'Change labels, delete protection or the backup schedule',
        tags,
        params: IdParams,
        body: UpdateDatabaseBody,
        response: { 200: DatabaseSchema },
        errors: [404, 409, 422],
      },
      async (request) => databases.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/databases/:id',
        scope: write,
        operationId: 'deleteDatabase',
        summary: 'Delete a database and its backups (409 while delete protection is on)',
        tags,
        params: IdParams,
        response: { 202: DatabaseActionAccepted },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await databases.delete(caller(request), request.params.id)),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/databases/:id/resize',
        scope: write,
        operationId: 'resizeDatabase',
        summary: 'Change the plan and/or node count; it shows `resizing`, then `online`',
        tags,
        params: IdParams,
        body: ResizeDatabaseBody,
        response: { 202: DatabaseActionAccepted },
        errors: [404, 409, 422],
      },
      async (request, reply) => accepted(reply, await databases.resize(caller(request), request.params.id, request.body)),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/databases/:id/reset_password',
        scope: write,
        operationId: 'resetDatabasePassword',
        summary: 'Give the admin user a new password, shown in this answer only',
        tags,
        params: IdParams,
        response: { 202: PasswordReset },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await databases.resetPassword(caller(request), request.params.id)),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/databases/:id/metrics',
        scope: read,
        operationId: 'getDatabaseMetrics',
        summary: 'Time series of connections, CPU or storage use',
        tags,
        params: IdParams,
        query: DatabaseMetricsQuery,
        response: { 200: DatabaseMetricsSchema },
        errors: [404, 422],
      },
      async (request) => databases.metrics(caller(request), request.params.id, request.query),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/databases/:id/users',
        scope: read,
        operationId: 'listDatabaseUsers',
        summary: 'List the users of a database, newest first',
        tags,
        params: IdParams,
        query: ListQuery,
        response: { 200: DatabaseUserList },
        errors: [404],
      },
      async (request) => users.list(caller(request), request.params.id, request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/databases/:id/users',
        scope: write,
        operationId: 'createDatabaseUser',
        summary: 'Create a database user; its password is shown in this answer only',
        tags,
        params: IdParams,
        body: CreateDatabaseUserBody,
        response: { 201: DatabaseUserCreated },
        errors: [404, 409, 422],
      },
      async (request, reply) => {
        const { id } = request.params;
        const { name } = request.body;
        const location = `/v2/databases/${id}/users/${name}`;
        return created(reply, location, await users.create(caller(request), id, name, recordCreated(request, () => location)));
      },
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/databases/:id/users/:name',
        scope: write,
        operationId: 'deleteDatabaseUser',
        summary: 'Delete a database user (the admin user cannot be deleted)',
        tags,
        params: UserParams,
        response: { 202: DatabaseActionAccepted },
        errors: [404, 409],
      },
      async (request, reply) => accepted(reply, await users.delete(caller(request), request.params.id, request.params.name)),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/v2/databases/:id/backups',
        scope: read,
        operationId: 'listDatabaseBackups',
        summary: 'List the daily backups of a database, newest first',
        description: 'Restore one by creating a database with `restore_from: {backup_id}`.',
        tags,
        params: IdParams,
        query: ListQuery,
        response: { 200: DatabaseBackupList },
        errors: [404],
      },
      async (request) => backups.list(caller(request), request.params.id, request.query, cursors),
    ),
  ]);
}
