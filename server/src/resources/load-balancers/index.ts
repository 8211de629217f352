// The load balancers module: a front address spreading traffic over a VPC's instances.
import { defineModule } from '../module.js';
import { loadBalancerActionHandlers } from './action-handlers.js';
import { registerLoadBalancerRoutes } from './routes.js';
import { LoadBalancersService } from './service.js';
import { LoadBalancersStore } from './store.js';

declare module '../module.js' {
  interface Services {
    'load-balancers': LoadBalancersService;
  }
}

export const loadBalancersModule = defineModule('load-balancers', (context) => {
  const { db, drivers, clock, events, cursors } = context;
  const balancers = new LoadBalancersService(context);
  return {
    service: balancers,
    routes: (app) => registerLoadBalancerRoutes(app, balancers, cursors),
    actionHandlers: loadBalancerActionHandlers(db, drivers.network, clock, events),
    heldOnHost: { loadBalancers: () => new LoadBalancersStore(db).allIds() },
  };
});
