// GET /v2/account: who the key belongs to, its limits and what is in use.
import type { FastifyInstance } from 'fastify';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import { caller } from '../../http/route-config.js';
import { AccountSchema } from './schema.js';
import type { AccountsService } from './service.js';

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountsService): void {
  registerRoutes(app, [
    defineRoute(
      {
        method: 'GET',
        url: '/v2/account',
        scope: 'account:read',
        operationId: 'getAccount',
        summary: 'The account of the calling key: tier, rate limit, quotas and usage',
        tags: ['Account'],
        response: { 200: AccountSchema },
      },
      async (request) => accounts.overview(caller(request).accountId),
    ),
  ]);
}
