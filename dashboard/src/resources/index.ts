// Every resource page of the console, grouped as the navigation shows them.
import type { ResourceSpec } from '../kit/spec.js';
import { INSTANCES_PAGE } from './instances.js';
import { NETWORKS_PAGE, VPCS_PAGE } from './networking.js';
import { SNAPSHOTS_PAGE, VOLUMES_PAGE } from './storage.js';

export const RESOURCE_GROUPS: { section: string; pages: ResourceSpec[] }[] = [
  { section: 'Compute', pages: [INSTANCES_PAGE] },
  { section: 'Storage', pages: [VOLUMES_PAGE, SNAPSHOTS_PAGE] },
  { section: 'Networking', pages: [VPCS_PAGE, NETWORKS_PAGE] },
];

export const RESOURCE_PAGES: ResourceSpec[] = RESOURCE_GROUPS.flatMap((g) => g.pages);
