// Every resource page of the console, grouped as the navigation shows them.
import type { ResourceSpec } from '../kit/spec.js';
import { BACKUP_POLICIES_PAGE, DATABASES_PAGE, WEBHOOKS_PAGE } from './data.js';
import { FUNCTIONS_PAGE } from './functions.js';
import { CONTAINER_IMAGES_PAGE, CONTAINERS_PAGE } from './containers.js';
import { IMAGES_PAGE, INSTANCES_PAGE } from './instances.js';
import { NETWORKS_PAGE, RESERVED_IPS_PAGE, VPCS_PAGE } from './networking.js';
import { FIREWALLS_PAGE, LOAD_BALANCERS_PAGE } from './security.js';
import { SNAPSHOTS_PAGE, VOLUMES_PAGE } from './storage.js';

export const RESOURCE_GROUPS: { section: string; pages: ResourceSpec[] }[] = [
  { section: 'Compute', pages: [INSTANCES_PAGE, IMAGES_PAGE, FUNCTIONS_PAGE, CONTAINERS_PAGE, CONTAINER_IMAGES_PAGE] },
  { section: 'Storage', pages: [VOLUMES_PAGE, SNAPSHOTS_PAGE, BACKUP_POLICIES_PAGE] },
  { section: 'Networking', pages: [VPCS_PAGE, NETWORKS_PAGE, RESERVED_IPS_PAGE, FIREWALLS_PAGE, LOAD_BALANCERS_PAGE] },
  { section: 'Databases', pages: [DATABASES_PAGE] },
  { section: 'Integrations', pages: [WEBHOOKS_PAGE] },
];

export const RESOURCE_PAGES: ResourceSpec[] = RESOURCE_GROUPS.flatMap((g) => g.pages);
