// /v2/backup_policies: automated snapshot schedules with retention.
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Cursors } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { BackupPolicyList, BackupPolicySchema, CreateBackupPolicyBody, ListBackupPoliciesQuery, UpdateBackupPolicyBody } from './schema.js';
import type { BackupPoliciesService } from './service.js';

const tags = ['Backup policies'];
const idOf = (params: unknown) => (params as { id: string }).id;

export function registerBackupPolicyRoutes(app: FastifyInstance, policies: BackupPoliciesService, cursors: Cursors): void {
  app.get(
    '/v2/backup_policies',
    {
      config: { scope: 'backup_policies:read' },
      schema: { operationId: 'listBackupPolicies', summary: 'List backup policies', tags, querystring: ListBackupPoliciesQuery, response: { 200: BackupPolicyList, ...errorResponses(...AUTHENTICATED_ERRORS) } },
    },
    async (request) => policies.list(caller(request), request.query as { limit?: number; cursor?: string }, cursors),
  );

  app.post(
    '/v2/backup_policies',
    {
      config: { scope: 'backup_policies:write' },
      schema: {
        operationId: 'createBackupPolicy',
        summary: 'Snapshot volumes on a cron schedule (UTC), keeping the newest retention_count per volume',
        tags,
        body: CreateBackupPolicyBody,
        response: { 201: BackupPolicySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const policy = await policies.create(caller(request), request.body as Static<typeof CreateBackupPolicyBody>);
      return reply.status(201).header('Location', `/v2/backup_policies/${policy.id}`).send(policy);
    },
  );

  app.get(
    '/v2/backup_policies/:id',
    {
      config: { scope: 'backup_policies:read' },
      schema: { operationId: 'getBackupPolicy', summary: 'Get a backup policy', tags, params: IdParams, response: { 200: BackupPolicySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) } },
    },
    async (request) => policies.get(caller(request), idOf(request.params)),
  );

  app.put(
    '/v2/backup_policies/:id',
    {
      config: { scope: 'backup_policies:write' },
      schema: {
        operationId: 'updateBackupPolicy',
        summary: 'Change a backup policy; a new schedule, or re-enabling, counts the next slot from now',
        tags,
        params: IdParams,
        body: UpdateBackupPolicyBody,
        response: { 200: BackupPolicySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 413, 415, 422) },
      },
    },
    async (request) => policies.update(caller(request), idOf(request.params), request.body as Static<typeof UpdateBackupPolicyBody>),
  );

  app.delete(
    '/v2/backup_policies/:id',
    {
      config: { scope: 'backup_policies:write' },
      schema: {
        operationId: 'deleteBackupPolicy',
        summary: 'Delete a backup policy (its snapshots are kept)',
        tags,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      await policies.delete(caller(request), idOf(request.params));
      return reply.status(204).send();
    },
  );
}
