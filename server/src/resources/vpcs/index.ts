// The VPCs module: private address spaces, and each account's default VPC per region.
import { defineModule } from '../module.js';
import { registerVpcRoutes } from './routes.js';
import { VpcsService } from './service.js';

declare module '../module.js' {
  interface Services {
    vpcs: VpcsService;
  }
}

export const vpcsModule = defineModule('vpcs', (context) => {
  const vpcs = new VpcsService(context);
  return { service: vpcs, routes: (app) => registerVpcRoutes(app, vpcs, context.cursors) };
});
