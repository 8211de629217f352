// The catalog module: regions, plans, images and the other fixed lists a create refers to.
import { defineModule } from '../module.js';
import { registerCatalogRoutes } from './routes.js';

export const catalogModule = defineModule('catalog', ({ cursors }) => ({ routes: (app) => registerCatalogRoutes(app, cursors) }));
