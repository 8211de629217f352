// /v2/backup_policies: automated snapshot schedules with retention.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { created, noContent } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { BackupPolicyList, BackupPolicySchema, CreateBackupPolicyBody, ListBackupPoliciesQuery, PatchBackupPolicyBody, UpdateBackupPolicyBody } from './schema.js';
import type { BackupPoliciesService } from './service.js';

const tags = ['Backup policies'];

export function registerBackupPolicyRoutes(app: FastifyInstance, policies: BackupPoliciesService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      { method: 'GET', url: '/v2/backup_policies', scope: 'backup_policies:read', operationId: 'listBackupPolicies', summary: 'List backup policies', tags, query: ListBackupPoliciesQuery, response: { 200: BackupPolicyList } },
      async (request) => policies.list(caller(request), request.query, cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/backup_policies',
        scope: 'backup_policies:write',
        operationId: 'createBackupPolicy',
        summary: 'Snapshot volumes on a cron schedule (UTC), keeping the newest retention_count per volume',
        tags,
        body: CreateBackupPolicyBody,
        response: { 201: BackupPolicySchema },
        errors: [422],
      },
      async (request, reply) => {
        const policy = await policies.create(caller(request), request.body);
        return created(reply, `/v2/backup_policies/${policy.id}`, policy);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/backup_policies/:id', scope: 'backup_policies:read', operationId: 'getBackupPolicy', summary: 'Get a backup policy', tags, params: IdParams, response: { 200: BackupPolicySchema }, errors: [404] },
      async (request) => policies.get(caller(request), request.params.id),
    ),
    defineRoute(
      {
        method: 'PUT',
        url: '/v2/backup_policies/:id',
        scope: 'backup_policies:write',
        operationId: 'updateBackupPolicy',
        summary: 'Change a backup policy; a new schedule, or re-enabling, counts the next slot from now',
        tags,
        params: IdParams,
        body: UpdateBackupPolicyBody,
        response: { 200: BackupPolicySchema },
        errors: [404, 422],
      },
      async (request) => policies.update(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/backup_policies/:id', scope: 'backup_policies:write', operationId: 'patchBackupPolicy', summary: 'Rename a backup policy', tags, params: IdParams, body: PatchBackupPolicyBody, response: { 200: BackupPolicySchema }, errors: [404] },
      async (request) => policies.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      {
        method: 'DELETE',
        url: '/v2/backup_policies/:id',
        scope: 'backup_policies:write',
        operationId: 'deleteBackupPolicy',
        summary: 'Delete a backup policy (its snapshots are kept)',
        tags,
        params: IdParams,
        response: { 204: DeletedNoBody },
        errors: [404],
      },
      async (request, reply) => {
        await policies.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
  ]);
}
