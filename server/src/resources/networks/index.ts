// The networks module: subnets of a VPC and the addresses handed out in them.
import { defineModule } from '../module.js';
import { registerNetworkRoutes } from './routes.js';
import { NetworksService } from './service.js';

declare module '../module.js' {
  interface Services {
    networks: NetworksService;
  }
}

export const networksModule = defineModule('networks', (context) => {
  const networks = new NetworksService(context);
  return { service: networks, routes: (app) => registerNetworkRoutes(app, networks, context.cursors) };
});
