// GET /v2/account: who the key belongs to, its limits and what is in use.
import type { FastifyInstance } from 'fastify';
import { caller } from '../../http/route-config.js';
import { AUTHENTICATED_ERRORS, errorResponses } from '../../http/schemas.js';
import { AccountSchema } from './schema.js';
import type { AccountsService } from './service.js';

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountsService): void {
  app.get(
    '/v2/account',
    {
      config: { scope: 'account:read' },
      schema: {
        operationId: 'getAccount',
        summary: 'The account of the calling key: tier, rate limit, quotas and usage',
        tags: ['Account'],
        response: { 200: AccountSchema, ...errorResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => accounts.overview(caller(request).accountId),
  );
}
