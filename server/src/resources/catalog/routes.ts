// GET /v2/regions, /v2/plans, /v2/database_engines and their single-item routes (images have a module
// of their own: custom ones join the OS catalog there).
import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { defineRoute, registerRoutes } from '../../http/define-route.js';
import type { Cursors } from '../../http/pagination.js';
import { listQueryProperties } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import type { Scope } from '../api-keys/scopes.js';
import { databaseEngines, plans, regions } from './catalogs.js';
import { DatabaseEngineList, DatabaseEngineSchema, PlanList, PlanSchema, RegionList, RegionSchema } from './schema.js';
import { CatalogService } from './service.js';

interface CatalogRoutes {
  path: 'regions' | 'plans' | 'database_engines';
  noun: string;
  /** The scope reading it needs; by default `<path>:read`. */
  scope?: Scope;
  service: CatalogService<{ id: string }>;
  item: TSchema;
  list: TSchema;
}

const CATALOGS: CatalogRoutes[] = [
  { path: 'regions', noun: 'Region', service: new CatalogService('regions', 'Region', regions), item: RegionSchema, list: RegionList },
  { path: 'plans', noun: 'Plan', service: new CatalogService('plans', 'Plan', plans), item: PlanSchema, list: PlanList },
  // The engines are read by whoever manages databases, so their scope is the databases' own.
  {
    path: 'database_engines',
    noun: 'DatabaseEngine',
    scope: 'databases:read',
    service: new CatalogService('database_engines', 'Database engine', databaseEngines),
    item: DatabaseEngineSchema,
    list: DatabaseEngineList,
  },
];

const ListQuery = Type.Object(listQueryProperties, { additionalProperties: false });

export function registerCatalogRoutes(app: FastifyInstance, cursors: Cursors): void {
  registerRoutes(
    app,
    CATALOGS.flatMap((catalog) => {
      const scope = catalog.scope ?? (`${catalog.path}:read` as Scope);
      const words = catalog.path.replace('_', ' ');
      return [
        defineRoute(
          { method: 'GET', url: `/v2/${catalog.path}`, scope, operationId: `list${catalog.noun}s`, summary: `List ${words}`, tags: ['Catalog'], query: ListQuery, response: { 200: catalog.list } },
          async (request) => catalog.service.list(request.query, cursors),
        ),
        defineRoute(
          {
            method: 'GET',
            url: `/v2/${catalog.path}/:id`,
            scope,
            // Looking up a region is acting in it, as far as a region-restricted key goes.
            ...(catalog.path === 'regions' ? { regionsOf: (request: { params: { id: string } }) => [request.params.id] } : {}),
            operationId: `get${catalog.noun}`,
            summary: `Get one ${words.replace(/s$/, '')}`,
            tags: ['Catalog'],
            params: IdParams,
            response: { 200: catalog.item },
            errors: [404],
          },
          async (request) => catalog.service.get(request.params.id),
        ),
      ];
    }),
  );
}
