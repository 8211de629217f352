// /v2/ssh_keys: the public keys an account can put on its instances.
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { recordResponse } from '../../http/idempotency.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses, IdParams } from '../../http/schemas.js';
import { CreateSshKeyBody, SshKeyList, SshKeySchema } from './schema.js';
import type { SshKeysService } from './service.js';

const tags = ['SSH keys'];

export function registerSshKeyRoutes(app: FastifyInstance, keys: SshKeysService, cursors: Cursors): void {
  app.get(
    '/v2/ssh_keys',
    {
      config: { cached: true, scope: 'ssh_keys:read' },
      schema: {
        operationId: 'listSshKeys',
        summary: 'List SSH keys, newest first',
        tags,
        querystring: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: SshKeyList, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => {
      const page = cursors.request('ssh_keys', request.query as { limit?: number; cursor?: string });
      return keys.list(caller(request).accountId, page, cursors);
    },
  );

  app.post(
    '/v2/ssh_keys',
    {
      config: { scope: 'ssh_keys:write' },
      schema: {
        operationId: 'createSshKey',
        summary: 'Add an SSH public key',
        description: 'The key is checked: its type, size and data must make a key OpenSSH accepts. The same key cannot be added twice.',
        tags,
        body: CreateSshKeyBody,
        response: { 201: SshKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateSshKeyBody>;
      const created = await keys.create(caller(request), { name: body.name, publicKey: body.public_key }, (trx, key) =>
        recordResponse(request, trx, { status: 201, body: key, location: `/v2/ssh_keys/${key.id}` }),
      );
      return reply.status(201).header('Location', `/v2/ssh_keys/${created.id}`).send(created);
    },
  );

  app.get(
    '/v2/ssh_keys/:id',
    {
      config: { scope: 'ssh_keys:read' },
      schema: {
        operationId: 'getSshKey',
        summary: 'Get an SSH key',
        tags,
        params: IdParams,
        response: { 200: SshKeySchema, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => keys.get(caller(request).accountId, (request.params as { id: string }).id),
  );

  app.delete(
    '/v2/ssh_keys/:id',
    {
      config: { scope: 'ssh_keys:write' },
      schema: {
        operationId: 'deleteSshKey',
        summary: 'Delete an SSH key',
        tags,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      await keys.delete(caller(request), (request.params as { id: string }).id);
      return reply.status(204).send();
    },
  );
}
