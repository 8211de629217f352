// /v2/ssh_keys: the public keys an account can put on its instances.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { created, noContent, recordCreated } from '../../http/replies.js';
import { caller } from '../../http/route-config.js';
import { DeletedNoBody, IdParams } from '../../http/schemas.js';
import { CreateSshKeyBody, PatchSshKeyBody, SshKeyList, SshKeySchema } from './schema.js';
import type { SshKeysService } from './service.js';

const tags = ['SSH keys'];

export function registerSshKeyRoutes(app: FastifyInstance, keys: SshKeysService, cursors: Cursors): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/ssh_keys',
        scope: 'ssh_keys:read',
        cached: true,
        operationId: 'listSshKeys',
        summary: 'List SSH keys, newest first',
        tags,
        query: Type.Object(listQueryProperties, { additionalProperties: false }),
        response: { 200: SshKeyList },
      },
      async (request) => keys.list(caller(request).accountId, cursors.request('ssh_keys', request.query), cursors),
    ),
    defineRoute(
      {
        method: 'POST',
        url: '/v2/ssh_keys',
        scope: 'ssh_keys:write',
        operationId: 'createSshKey',
        summary: 'Add an SSH public key',
        description: 'The key is checked: its type, size and data must make a key OpenSSH accepts. The same key cannot be added twice.',
        tags,
        body: CreateSshKeyBody,
        response: { 201: SshKeySchema },
        errors: [409, 422],
      },
      async (request, reply) => {
        const input = { name: request.body.name, publicKey: request.body.public_key };
        const key = await keys.create(caller(request), input, recordCreated(request, (k) => `/v2/ssh_keys/${k.id}`));
        return created(reply, `/v2/ssh_keys/${key.id}`, key);
      },
    ),
    defineRoute(
      { method: 'GET', url: '/v2/ssh_keys/:id', scope: 'ssh_keys:read', operationId: 'getSshKey', summary: 'Get an SSH key', tags, params: IdParams, response: { 200: SshKeySchema }, errors: [404] },
      async (request) => keys.get(caller(request).accountId, request.params.id),
    ),
    defineRoute(
      { method: 'PATCH', url: '/v2/ssh_keys/:id', scope: 'ssh_keys:write', operationId: 'patchSshKey', summary: 'Rename an SSH key', tags, params: IdParams, body: PatchSshKeyBody, response: { 200: SshKeySchema }, errors: [404, 422] },
      async (request) => keys.patch(caller(request), request.params.id, request.body),
    ),
    defineRoute(
      { method: 'DELETE', url: '/v2/ssh_keys/:id', scope: 'ssh_keys:write', operationId: 'deleteSshKey', summary: 'Delete an SSH key', tags, params: IdParams, response: { 204: DeletedNoBody }, errors: [404] },
      async (request, reply) => {
        await keys.delete(caller(request), request.params.id);
        return noContent(reply);
      },
    ),
  ]);
}
