// The catalog module: regions, plans and database engines, the fixed lists a create refers to
// (images have a module of their own).
import { defineModule } from '../module.js';
import { registerCatalogRoutes } from './routes.js';

export const catalogModule = defineModule('catalog', ({ cursors }) => ({ routes: (app) => registerCatalogRoutes(app, cursors) }));
