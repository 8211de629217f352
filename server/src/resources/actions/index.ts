// The actions module: the read side of the async operations every other module starts.
import { defineModule } from '../module.js';
import { registerActionRoutes } from './routes.js';

export const actionsModule = defineModule('actions', ({ actions, cursors }) => ({ routes: (app) => registerActionRoutes(app, actions, cursors) }));
