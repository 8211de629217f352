// Every resource module, in the order their paths appear in the API (a module's dependencies are
// built on demand, whatever their place). Adding a resource is a folder with an index.ts and one line here.
import { accountsModule } from './accounts/index.js';
import { actionsModule } from './actions/index.js';
import { apiKeysModule } from './api-keys/index.js';
import { backupPoliciesModule } from './backup-policies/index.js';
import { catalogModule } from './catalog/index.js';
import { containerImagesModule } from './container-images/index.js';
import { containersModule } from './containers/index.js';
import { databasesModule } from './databases/index.js';
import { eventsModule } from './events/index.js';
import { firewallsModule } from './firewalls/index.js';
import { functionsModule } from './functions/index.js';
import { imagesModule } from './images/index.js';
import { instancesModule } from './instances/index.js';
import { loadBalancersModule } from './load-balancers/index.js';
import type { ResourceModule } from './module.js';
import { networksModule } from './networks/index.js';
import { reservedIpsModule } from './reserved-ips/index.js';
import { snapshotsModule } from './snapshots/index.js';
import { sshKeysModule } from './ssh-keys/index.js';
import { volumesModule } from './volumes/index.js';
import { vpcsModule } from './vpcs/index.js';
import { webhooksModule } from './webhooks/index.js';

export const RESOURCE_MODULES: readonly ResourceModule[] = [
  catalogModule,
  imagesModule,
  accountsModule,
  apiKeysModule,
  sshKeysModule,
  instancesModule,
  vpcsModule,
  networksModule,
  firewallsModule,
  loadBalancersModule,
  reservedIpsModule,
  volumesModule,
  snapshotsModule,
  backupPoliciesModule,
  databasesModule,
  functionsModule,
  containerImagesModule,
  containersModule,
  actionsModule,
  eventsModule,
  webhooksModule,
];
