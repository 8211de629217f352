// The reserved IPs module: public addresses from the operator's pool, routed to one instance at a time.
import { defineModule } from '../module.js';
import { reservedIpActionHandlers } from './action-handlers.js';
import { registerReservedIpRoutes } from './routes.js';
import { ReservedIpsService } from './service.js';
import { ReservedIpsStore } from './store.js';

declare module '../module.js' {
  interface Services {
    reserved_ips: ReservedIpsService;
  }
}

export const reservedIpsModule = defineModule('reserved_ips', (context) => {
  const { db, database, drivers, clock, events, cursors } = context;
  const reservedIps = new ReservedIpsService(context);
  return {
    service: reservedIps,
    routes: (app) => registerReservedIpRoutes(app, reservedIps, cursors),
    actionHandlers: reservedIpActionHandlers(db, database.kind, drivers.network, clock, events),
    heldOnHost: { publicIps: () => new ReservedIpsStore(db).routes() },
  };
});
